using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Budgets;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class ErrorBudgetRuleTests
{
    private const string Rule = "error-budget";

    [Fact]
    public async Task Burn_FailedShareOverBudget_IsComputedOverTheWindow()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 197);
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Transient, 503);
        await harness.AddAttemptsAsync(books, 50, ErrorClass.Transient, 503, ago: TimeSpan.FromHours(25));

        var burn = await harness.Get<ErrorBudgetQuery>().ForAsync(books, CancellationToken.None);

        burn.Attempts.ShouldBe(200);
        burn.Failed.ShouldBe(3);
        burn.BurnPercent.ShouldBe(150, 0.001);
        burn.Level.ShouldBe(ErrorBudgetLevel.Warning);
    }

    [Theory]
    [InlineData(0, ErrorBudgetLevel.Ok)]
    [InlineData(1, ErrorBudgetLevel.Ok)]
    [InlineData(2, ErrorBudgetLevel.Warning)]
    [InlineData(4, ErrorBudgetLevel.Warning)]
    [InlineData(5, ErrorBudgetLevel.Exhausted)]
    public void Level_FollowsBurn(int failed, ErrorBudgetLevel level) =>
        new ErrorBudgetBurn(1, 200, failed, 1, 24).Level.ShouldBe(level);

    [Fact]
    public async Task Evaluate_Exhausted_AlertsAndPausesWhenConfigured()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i => i.PauseOnBudgetExhausted = true);
        await harness.AddAttemptsAsync(books, 7);
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Validation, 422);

        await harness.EvaluateAsync();

        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem().Detail!.ShouldContain("paused");
        await using var db = await harness.Db();
        var paused = await db.Integrations.FindAsync(books.Id);
        paused!.PausedAt.ShouldBe(harness.Time.GetUtcNow());
        paused.PausedBy.ShouldBe("system");
        paused.PauseReason!.ShouldContain("Error budget exhausted");
        (await harness.AuditLogAsync()).ShouldContain(a => a.Action == "integration.pause" && a.Actor == "system");
    }

    [Fact]
    public async Task Evaluate_ExhaustedWithoutPauseSetting_AlertsOnly()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 7);
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Validation, 422);

        await harness.EvaluateAsync();

        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();
        await using var db = await harness.Db();
        (await db.Integrations.FindAsync(books.Id))!.PausedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Evaluate_SingleFailure_NeitherAlertsNorPauses()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i => i.PauseOnBudgetExhausted = true);
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Transient, 503);

        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
        await using var db = await harness.Db();
        (await db.Integrations.FindAsync(books.Id))!.PausedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Evaluate_BudgetRecovers_Resolves()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Validation, 422);
        await harness.AddAttemptsAsync(books, 7);
        await harness.EvaluateAsync();
        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem();

        harness.Time.Advance(TimeSpan.FromHours(25));
        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }
}
