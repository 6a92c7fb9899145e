using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>New records through one prepared statement (see <see cref="PreparedInsert{TEntity}"/>), in the caller's transaction.</summary>
internal static class NewRecordInsert
{
    public static async Task InsertAsync(SyncHubDbContext db, TimeProvider time, List<SyncRecord> created, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            return;
        }

        await using (var insert = await PreparedInsert<SyncRecord>.CreateAsync(db, time, cancellationToken))
        {
            foreach (var record in created)
            {
                await insert.InsertAsync(record, cancellationToken);
            }
        }

        // Inserted without tracking: counted and queued here, in the same transaction.
        await RecordBookkeeping.AfterInsertAsync(db, created, cancellationToken);
    }
}
