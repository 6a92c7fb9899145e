using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Storage;

/// <summary>Set-based changes of record state move the counts and the work queue in the same transaction, however many records.</summary>
public sealed class RecordWritesTests
{
    [Fact]
    public async Task UpdateAsync_FailedRecordsMarkedForAnOperation_MoveIntoItsLaneWithTheirCountsUnchanged()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 3);
        var operation = Guid.NewGuid();
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

        await TestRecords.UpdateAsync(engine.Get<WriteGate>(), db, db.Records.Where(r => r.Status == RecordStatus.Failed), s => s.SetProperty(r => r.RetryOperationId, operation));

        (await db.WorkQueue.Where(w => w.OperationId == operation).Select(w => w.RecordId).OrderBy(id => id).ToListAsync()).ShouldBe(ids);
        (await db.WorkQueue.CountAsync(w => w.Lane == WorkLane.AutomaticRetry)).ShouldBe(0);
        (await db.RecordCounts.SingleAsync(c => c.Status == RecordStatus.Failed && !c.Archived)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task UpdateAsync_MoreRecordsThanSqliteHasParameters_ChangesThemAllInOneGo()
    {
        // 40,000 ids would be 40,000 bound parameters if the set were sent one parameter per id (SQLite allows 32,766).
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        var integration = await engine.CreateIntegrationAsync();
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var at = StoredTime.Of(engine.Time.GetUtcNow());
        var seed = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
            INSERT INTO "Records" ("IntegrationId", "EntityType", "SourceId", "Payload", "PayloadVersion", "IdempotencyBase", "Status", "RetryCount",
                                   "AutomaticRetryCount", "AutomaticRetriesExhausted", "CreatedAt", "UpdatedAt", "OutcomeUnknown")
            SELECT {integration.Id}, 'invoice', 'BULK-' || i, '[]', 1, 'k' || i, {(int)RecordStatus.Failed}, 0, 0, 0, {at}, {at}, 0 FROM n
            """;
        await engine.Get<WriteGate>().WriteAsync(async () =>
        {
            await db.Database.ExecuteSqlRawAsync(seed);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count") VALUES ({0}, {1}, 0, 40000)""", integration.Id, (int)RecordStatus.Failed);
        });

        await TestRecords.UpdateAsync(engine.Get<WriteGate>(), db, db.Records.Where(r => r.Status == RecordStatus.Failed), s => s.SetProperty(r => r.Status, RecordStatus.Dismissed));

        (await db.Records.CountAsync(r => r.Status == RecordStatus.Dismissed)).ShouldBe(40000);
        (await db.RecordCounts.Where(c => c.Count != 0).Select(c => new { c.Status, c.Count }).SingleAsync()).ShouldBe(new { Status = RecordStatus.Dismissed, Count = 40000L });
    }
}
