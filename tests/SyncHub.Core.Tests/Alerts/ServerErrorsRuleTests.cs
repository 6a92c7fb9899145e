using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class ServerErrorsRuleTests
{
    private const string Rule = "server-errors";

    [Fact]
    public async Task Evaluate_FiveServerErrorsInFiveMinutes_OpensCountsAndResolves()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 5, ErrorClass.Transient, 503);

        await harness.EvaluateAsync();
        await harness.EvaluateAsync();

        var alert = (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();
        alert.Subject.ShouldBe("books");
        alert.IntegrationId.ShouldBe(books.Id);
        alert.Occurrences.ShouldBe(2);
        alert.Detail!.ShouldContain("5 server errors");

        harness.Time.Advance(TimeSpan.FromMinutes(6));
        await harness.EvaluateAsync();

        var resolved = (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem();
        resolved.Status.ShouldBe(AlertStatus.Resolved);
        resolved.ResolvedAt.ShouldBe(harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Evaluate_SingleServerError_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Transient, 500);
        await harness.AddAttemptsAsync(books, 10, ErrorClass.Validation, 422);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evaluate_ErrorsOlderThanTheWindow_DoNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 8, ErrorClass.Transient, 502, ago: TimeSpan.FromMinutes(7));

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }
}
