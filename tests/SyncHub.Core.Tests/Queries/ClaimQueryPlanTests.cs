using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Delivery;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// A retry operation's claims read the next rows in claim order from an index instead of sorting every record still
/// queued before each batch, which made Retry All quadratic in its size (SQLite's plan, whatever store the run tests).
/// </summary>
public sealed class ClaimQueryPlanTests
{
    [Fact]
    public async Task RetryOperationCandidates_QueryPlan_ReadsTheOperationsIndexInClaimOrder()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlans.ExplainAsync(db, SyncOrchestrator.Candidates(db, SyncOrchestrator.QueuedBy(Guid.NewGuid()), 100).ToQueryString());

        plan.ShouldContain("IX_Records_RetryOperationId_NextAttemptAt_Id");
        plan.ShouldNotContain("TEMP B-TREE");
    }
}
