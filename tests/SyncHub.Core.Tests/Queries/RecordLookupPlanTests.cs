using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// Ingest (single and batch) and sync runs find the records they name by seeking the unique index on all three key
/// columns. With the entity type left out, the lookup read every record of the integration, and single ingest slowed
/// down as the table grew (SQLite's plan, whatever store the run tests).
/// </summary>
public sealed class RecordLookupPlanTests
{
    [Fact]
    public async Task Named_QueryPlan_SeeksTheKeyIndexOnAllThreeColumns()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        var integration = await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

        var query = db.Records.Named([integration.Id], ["invoice", "payment"], ["INV-1", "INV-2", "PAY-1"]);
        var plan = await QueryPlans.ExplainAsync(db, query.ToQueryString());

        plan.ShouldContain("IX_Records_IntegrationId_EntityType_SourceId (IntegrationId=? AND EntityType=? AND SourceId=?)");
    }
}
