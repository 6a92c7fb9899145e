using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class DeadLetterGrowthRuleTests
{
    private const string Rule = "dead-letter-growth";

    [Fact]
    public async Task Evaluate_AdditionsAccelerate_OpensThenResolves()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddDeadLettersAsync(books, 2, TimeSpan.FromMinutes(90));
        await harness.AddDeadLettersAsync(books, 6, TimeSpan.FromMinutes(10));

        await harness.EvaluateAsync();

        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem().Detail!.ShouldContain("6 records entered");

        harness.Time.Advance(TimeSpan.FromMinutes(61));
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_SingleDeadLetter_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddDeadLettersAsync(books, 1, TimeSpan.FromMinutes(5));

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evaluate_SteadyGrowth_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddDeadLettersAsync(books, 6, TimeSpan.FromMinutes(90));
        await harness.AddDeadLettersAsync(books, 6, TimeSpan.FromMinutes(10));

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }
}
