using Microsoft.EntityFrameworkCore.Query;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.TestUtils;

/// <summary>
/// Puts records into a state a test needs (in flight under another claim, dead-lettered long ago) the way SyncHub's own
/// set-based writers do, so their work-queue rows and counts follow.
/// </summary>
public static class TestRecords
{
    public static Task UpdateAsync(WriteGate writes, SyncHubDbContext db, IQueryable<SyncRecord> selection, Action<UpdateSettersBuilder<SyncRecord>> setters) =>
        writes.RunAsync(
            async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await RecordWrites.UpdateAsync(db, selection, setters, token);
                await transaction.CommitAsync(token);
            },
            CancellationToken.None);
}
