using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Budgets;
using SyncHub.Core.Dashboard;
using SyncHub.Core.Queries;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>The dashboard's sync-log queries read indexes that keep them flat as the log grows (SQLite's plans, so SQLite whatever store the run tests).</summary>
public sealed class DashboardQueryPlanTests
{
    [Fact]
    public async Task LastError_QueryPlan_ReadsThePartialIndexOfFailedEntries()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        var books = await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        await using var db = await Db(engine);

        var plan = await QueryPlans.ExplainAsync(db, IntegrationStatusQuery.LastErrors(db, books.Id).Take(1).ToQueryString());

        plan.ShouldContain("IX_SyncLog_IntegrationId_Id_Errors");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task ErrorTrend_QueryPlan_CountsFromTheCoveringTimeIndex()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        await using var db = await Db(engine);

        var plan = await QueryPlans.ExplainAsync(db, ErrorTrendQuery.Bucketed(db, 0, long.MaxValue, 1 << 20).ToQueryString());

        plan.ShouldContain("COVERING INDEX IX_SyncLog_StartedAt_IntegrationId_Status_ErrorClass");
    }

    [Fact]
    public async Task ErrorBudget_QueryPlan_CountsFromTheCoveringTimeIndex()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        var books = await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        await using var db = await Db(engine);

        var plan = await QueryPlans.ExplainAsync(db, ErrorBudgetQuery.Counted(db, books.Id, engine.Time.GetUtcNow().AddDays(-1)).ToQueryString());

        plan.ShouldContain("COVERING INDEX IX_SyncLog_StartedAt_IntegrationId_Status_ErrorClass");
    }

    [Fact]
    public async Task RecentErrors_QueryPlan_ReadsThePartialIndexOfFailedEntriesInOrder()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        await using var db = await Db(engine);

        var plan = await QueryPlans.ExplainAsync(db, RecentErrorsQuery.Newest(db, engine.Time.GetUtcNow().AddDays(-30)).ToQueryString());

        plan.ShouldContain("IX_SyncLog_StartedAt_Id_Errors");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    private static Task<SyncHubDbContext> Db(EngineHarness engine) =>
        engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
