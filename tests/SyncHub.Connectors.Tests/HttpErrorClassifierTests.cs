using Shouldly;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Tests;

/// <summary>The HTTP half of the classification table: every connector maps statuses the same way.</summary>
public sealed class HttpErrorClassifierTests
{
    [Theory]
    [InlineData(200, ErrorClass.None)]
    [InlineData(201, ErrorClass.None)]
    [InlineData(400, ErrorClass.Validation)]
    [InlineData(401, ErrorClass.Authentication)]
    [InlineData(403, ErrorClass.Authorization)]
    [InlineData(404, ErrorClass.NotFound)]
    [InlineData(408, ErrorClass.Transient)]
    [InlineData(409, ErrorClass.Conflict)]
    [InlineData(422, ErrorClass.Validation)]
    [InlineData(429, ErrorClass.RateLimited)]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(501, ErrorClass.ServerError)]
    [InlineData(502, ErrorClass.Transient)]
    [InlineData(503, ErrorClass.Transient)]
    [InlineData(504, ErrorClass.Transient)]
    public void Classify_Status_MatchesTheTable(int status, ErrorClass expected) =>
        HttpErrorClassifier.Classify(status).ShouldBe(expected);
}
