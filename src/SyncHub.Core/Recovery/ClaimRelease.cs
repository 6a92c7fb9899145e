using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Recovery;

/// <summary>
/// Puts abandoned claims back in the queue: the records go back to pending with the same idempotency key, marked
/// outcome-unknown so a connector that can look records up is asked before sending again, and their open sync-log
/// entries end as interrupted. Every recovery path (start-up, stale claims, dead nodes) ends here; each names the claimed
/// work-queue rows it judges abandoned.
/// </summary>
public sealed class ClaimRelease(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    public const string NodeLostMessage = "The node delivering this record stopped answering; the record was queued again with the same idempotency key.";

    public async Task<int> ReleaseAsync(Func<SyncHubDbContext, IQueryable<QueuedWork>> abandoned, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claims = abandoned(db).Where(w => w.Lane == WorkLane.Claimed);

        // The claim is judged again in the UPDATE itself: a record whose attempt completed meanwhile stays completed.
        var released = await RecordWrites.UpdateAsync(
            db,
            db.Records.Where(r => r.Status == RecordStatus.InFlight && claims.Any(w => w.RecordId == r.Id && w.ClaimToken == r.ClaimToken)),
            s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, now)
                .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.UpdatedAt, now)
                .SetProperty(r => r.OutcomeUnknown, true), // the lost attempt may have landed: look it up first
            cancellationToken);
        if (released.Count == 0)
        {
            return 0;
        }

        await db.Attempts.Where(a => EF.Parameter(released).Contains(a.RecordId) && a.Status == AttemptStatus.InFlight).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Status, AttemptStatus.Interrupted).SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Message, message),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released.Count;
    }
}
