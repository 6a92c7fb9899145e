using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class IsolatedFailureRuleTests
{
    private const string Rule = "isolated-failure";

    [Fact]
    public async Task Evaluate_OneIntegrationFailingOthersHealthy_OpensThenResolves()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        var shop = await harness.CreateIntegrationAsync("shop");
        await harness.AddAttemptsAsync(books, 8, ErrorClass.Validation, 422);
        await harness.AddAttemptsAsync(books, 2);
        await harness.AddAttemptsAsync(shop, 20);

        await harness.EvaluateAsync();

        var alert = (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();
        alert.Subject.ShouldBe("books");
        alert.Detail!.ShouldContain("8 of 10");

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_SingleFailure_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        var shop = await harness.CreateIntegrationAsync("shop");
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Transient, 503);
        await harness.AddAttemptsAsync(shop, 20);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evaluate_EveryIntegrationFailing_IsNotIsolated()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        var shop = await harness.CreateIntegrationAsync("shop");
        await harness.AddAttemptsAsync(books, 10, ErrorClass.Transient, 503);
        await harness.AddAttemptsAsync(shop, 10, ErrorClass.Transient, 503);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }
}
