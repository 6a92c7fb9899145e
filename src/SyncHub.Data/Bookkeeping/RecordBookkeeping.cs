using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// Keeps the work queue and the record counts in step with records whose state a statement changed, in the caller's
/// transaction. Tracked saves get this from <see cref="SyncHubDbContext"/> itself; set-based writers go through
/// <see cref="RecordWrites"/>, and the engine, which knows every old and new state, writes its own deltas.
/// </summary>
public static class RecordBookkeeping
{
    private static readonly DialectStatement DeleteQueueRows = new(d => $"""DELETE FROM "WorkQueue" WHERE "RecordId" IN ({d.Ids("{0}")})""");

    private static readonly DialectStatement InsertQueueRows = new(d => WorkQueueProjection.InsertFor($"""r."Id" IN ({d.Ids("{0}")})"""));

    /// <summary>Replaces the queue rows of these records with what their current state says.</summary>
    public static async Task RefreshQueueAsync(SyncHubDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var dialect = StoreDialect.Of(db.Database);
        var value = dialect.IdsValue(ids);
        await db.Database.ExecuteSqlRawAsync(DeleteQueueRows.For(dialect), [value], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertQueueRows.For(dialect), [value], cancellationToken);
    }

    /// <summary>Counts and queues records just inserted without tracking (the prepared insert of ingest).</summary>
    public static async Task AfterInsertAsync(SyncHubDbContext db, IReadOnlyCollection<SyncRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var counts = new RecordCountDeltas();
        foreach (var record in records)
        {
            counts.Add(CountKey.Of(record));
        }

        await counts.ApplyAsync(db, cancellationToken);
        await RefreshQueueAsync(db, [.. records.Select(r => r.Id)], cancellationToken);
    }
}
