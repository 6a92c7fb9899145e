using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// Claims read the front of one work-queue lane in claim order from its index and join each record by its key, so a
/// claim costs the same at a million queued records as at ten (SQLite's plan, whatever store the run tests).
/// </summary>
public sealed class ClaimQueryPlanTests
{
    [Fact]
    public async Task DueDeliveries_QueryPlan_ReadsTheLaneIndexInClaimOrder()
    {
        var plan = await PlanAsync(WorkSource.DueDeliveries);

        plan.ShouldContain("IX_WorkQueue_Lane_DueAt_RecordId");
        plan.ShouldContain("SEARCH r USING INTEGER PRIMARY KEY");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task RetryOperation_QueryPlan_ReadsTheOperationsIndexInClaimOrder()
    {
        var plan = await PlanAsync(WorkSource.Operation(Guid.NewGuid()));

        plan.ShouldContain("IX_WorkQueue_OperationId_DueAt_RecordId");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task DueDeliveries_WithPausedIntegrations_StillReadsTheLaneIndex()
    {
        var plan = await PlanAsync(WorkSource.DueDeliveries, excluded: [2, 3]);

        plan.ShouldContain("IX_WorkQueue_Lane_DueAt_RecordId");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    private static async Task<string> PlanAsync(WorkSource source, int[]? excluded = null)
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var (sql, args) = ClaimStatements.Candidates(StoreDialect.Sqlite, source, 100, excluded ?? [], null, engine.Time.GetUtcNow());
        return await QueryPlans.ExplainAsync(db, sql, args.Values);
    }
}
