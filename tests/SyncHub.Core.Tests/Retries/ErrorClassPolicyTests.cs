using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Tests.Retries;

public sealed class ErrorClassPolicyTests
{
    [Theory]
    [InlineData(ErrorClass.Transient, true)]
    [InlineData(ErrorClass.RateLimited, true)]
    [InlineData(ErrorClass.Authentication, false)]
    [InlineData(ErrorClass.Authorization, false)]
    [InlineData(ErrorClass.Validation, false)]
    [InlineData(ErrorClass.Conflict, false)]
    [InlineData(ErrorClass.NotFound, false)]
    [InlineData(ErrorClass.Transform, false)]
    [InlineData(ErrorClass.ConnectorFault, false)]
    public void IsAutomaticallyRetryable_ByClass_MatchesPolicy(ErrorClass errorClass, bool expected) =>
        ErrorClassPolicy.IsAutomaticallyRetryable(errorClass).ShouldBe(expected);
}
