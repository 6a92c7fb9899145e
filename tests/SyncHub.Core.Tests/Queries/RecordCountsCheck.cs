using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Queries;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>The maintained record counts and work queue checked against the records themselves.</summary>
internal static class RecordCountsCheck
{
    /// <summary>The stored counts equal a GROUP BY over the records, and the page counts equal the old way of counting.</summary>
    public static async Task MatchAsync(EngineHarness engine)
    {
        await using var db = await Db(engine);
        var real = await db.Records.GroupBy(r => new { r.IntegrationId, r.Status, Archived = r.ArchivedAt != null })
            .Select(g => new { g.Key.IntegrationId, g.Key.Status, g.Key.Archived, Count = (long)g.Count() })
            .ToListAsync();
        var stored = await db.RecordCounts.AsNoTracking().ToListAsync();
        stored.ShouldAllBe(c => c.Count >= 0);
        stored.Where(c => c.Count != 0).Select(c => (c.IntegrationId, c.Status, c.Archived, c.Count)).OrderBy(c => c)
            .ShouldBe(real.Select(c => (c.IntegrationId, c.Status, c.Archived, c.Count)).OrderBy(c => c));

        var status = engine.Get<IntegrationStatusQuery>();
        foreach (var integration in await db.Integrations.Select(i => i.Id).ToListAsync())
        {
            (await status.CountsAsync(integration, CancellationToken.None)).ShouldBe(await CountAsync(db.Records.Where(r => r.IntegrationId == integration)));
        }

        (await status.TotalsAsync(CancellationToken.None)).ShouldBe(await CountAsync(db.Records));
        // The rebuild writes, though it is rolled back: it takes its turn at the gate.
        await engine.Get<WriteGate>().WriteAsync(() => QueueMatchesTheRecordsAsync(db));
    }

    /// <summary>The work queue holds exactly what the records' states say: rebuilt from scratch (and rolled back), it is the same.</summary>
    private static async Task QueueMatchesTheRecordsAsync(SyncHubDbContext db)
    {
        static async Task<List<string>> RowsAsync(SyncHubDbContext db) =>
            [.. (await db.WorkQueue.AsNoTracking().OrderBy(w => w.RecordId).ToListAsync())
                .Select(w => $"{w.RecordId} {w.IntegrationId} {w.Lane} {w.DueAt:O} {w.OperationId} {w.RunId} {w.ClaimToken} {w.ClaimedBy}")];

        var kept = await RowsAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.WorkQueue.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(WorkQueueProjection.InsertFor("1 = 1"));
        var rebuilt = await RowsAsync(db);
        await transaction.RollbackAsync();
        kept.ShouldBe(rebuilt);
    }

    // The counts as the pages computed them before they were maintained: a GROUP BY over every record.
    private static async Task<StatusCounts> CountAsync(IQueryable<SyncRecord> records)
    {
        var all = await records.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var archived = await records.Where(r => r.ArchivedAt != null).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        int Active(RecordStatus status) => all.GetValueOrDefault(status) - archived.GetValueOrDefault(status);
        return new StatusCounts(
            all.GetValueOrDefault(RecordStatus.Pending), all.GetValueOrDefault(RecordStatus.InFlight), all.GetValueOrDefault(RecordStatus.Delivered),
            Active(RecordStatus.Failed), Active(RecordStatus.DeadLetter), archived.Values.Sum())
        {
            NeedsReview = Active(RecordStatus.NeedsReview),
            Skipped = Active(RecordStatus.Skipped),
            Blocked = Active(RecordStatus.Blocked),
            Dismissed = Active(RecordStatus.Dismissed),
        };
    }

    private static Task<SyncHubDbContext> Db(EngineHarness engine) =>
        engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
