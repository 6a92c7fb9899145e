using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// The one way to change many records' state with a single statement outside the engine (recovery, releases, dismissing a
/// failure group, marking a retry operation's set): the selected records are locked (PostgreSQL), their counts read before
/// and after, and their queue rows rewritten, all in the caller's transaction. Use tracked entities for a few records;
/// this for sets.
/// </summary>
public static class RecordWrites
{
    /// <summary>Records changed per statement; a larger set is changed in parts, all in the caller's transaction.</summary>
    internal const int ChunkSize = 25_000;

    /// <summary>Updates the records <paramref name="selection"/> picks; the selection is applied again in the UPDATE itself.</summary>
    /// <returns>The ids of the records changed.</returns>
    public static async Task<IReadOnlyList<long>> UpdateAsync(
        SyncHubDbContext db, IQueryable<SyncRecord> selection, Action<UpdateSettersBuilder<SyncRecord>> setters, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        var ids = await LockAsync(db, selection, cancellationToken);
        if (ids.Count == 0)
        {
            return ids;
        }

        // In parts, so a Retry All of a million records never builds one huge id parameter (memory, not speed).
        foreach (var part in ids.Chunk(ChunkSize))
        {
            var before = await RecordCountDeltas.OfAsync(db, part, cancellationToken);
            await selection.Where(r => EF.Parameter(part).Contains(r.Id)).ExecuteUpdateAsync(setters, cancellationToken);
            var after = await RecordCountDeltas.OfAsync(db, part, cancellationToken);
            await RecordCountDeltas.Between(before, after).ApplyAsync(db, cancellationToken);
            await RecordBookkeeping.RefreshQueueAsync(db, part, cancellationToken);
        }

        return ids;
    }

    /// <summary>Deletes the selected records (their sync log and queue rows go with them) and takes them off the counts.</summary>
    public static async Task<int> DeleteAsync(SyncHubDbContext db, IQueryable<SyncRecord> selection, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        var ids = await LockAsync(db, selection, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var before = await RecordCountDeltas.OfAsync(db, ids, cancellationToken);
        var deleted = await db.Records.Where(r => EF.Parameter(ids).Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await RecordCountDeltas.Between(before, new RecordCountDeltas()).ApplyAsync(db, cancellationToken);
        return deleted;
    }

    /// <summary>Deletes an integration; its records, their sync log and queue rows cascade, and its counts go too.</summary>
    public static async Task<int> DeleteIntegrationAsync(SyncHubDbContext db, int integrationId, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        await db.RecordCounts.Where(c => c.IntegrationId == integrationId).ExecuteDeleteAsync(cancellationToken);
        return await db.Integrations.Where(i => i.Id == integrationId).ExecuteDeleteAsync(cancellationToken);
    }

    private static void RequireTransaction(SyncHubDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Record state is changed inside a transaction, so its counts and queue rows commit with it.");
        }
    }

    /// <summary>The selected ids; on PostgreSQL their rows are locked until the transaction ends, so no other node changes them between the reads.</summary>
    private static async Task<List<long>> LockAsync(SyncHubDbContext db, IQueryable<SyncRecord> selection, CancellationToken cancellationToken)
    {
        var ids = await selection.Select(r => r.Id).ToListAsync(cancellationToken);
        var dialect = StoreDialect.Of(db.Database);
        if (ids.Count == 0 || dialect.ForUpdate.Length == 0)
        {
            return ids;
        }

        var locking = $"""SELECT "Id" AS "Value" FROM "Records" WHERE "Id" IN ({dialect.Ids("{0}")}) ORDER BY "Id"{dialect.ForUpdate}""";
        return await db.Database.SqlQueryRaw<long>(locking, dialect.IdsValue(ids)).ToListAsync(cancellationToken);
    }
}
