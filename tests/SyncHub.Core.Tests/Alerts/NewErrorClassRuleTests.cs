using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class NewErrorClassRuleTests
{
    private const string Rule = "new-error-class";

    [Fact]
    public async Task Evaluate_UnseenClassAtVolume_OpensThenResolves()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Transient, 503, ago: TimeSpan.FromHours(3));
        await harness.AddAttemptsAsync(books, 5, ErrorClass.Validation, 422);

        await harness.EvaluateAsync();

        var alert = (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();
        alert.Subject.ShouldBe("books:Validation");

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_ClassSeenInThePreviousDay_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Validation, 422, ago: TimeSpan.FromHours(5));
        await harness.AddAttemptsAsync(books, 6, ErrorClass.Validation, 422);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evaluate_SingleNewFailure_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Conflict, 409);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }
}
