using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Before a batch is claimed, records whose parent (same integration) is known but not yet delivered are set
    /// aside as blocked, instead of being sent to fail with "reference not found". A parent SyncHub has never seen
    /// does not block: the destination may well have it already.
    /// </summary>
    /// <remarks>
    /// Only the window the claim takes next (its order, one batch) is checked, not every due record: checking the
    /// whole queue before each batch, under the write gate, made delivering a long queue quadratic (about 0.3 s per
    /// batch at 60,000 pending records). A record blocked here lets the next one into the window, so the check
    /// repeats until the window holds no blocked child.
    /// </remarks>
    private async Task BlockChildrenOfUndeliveredParentsAsync(Expression<Func<SyncRecord, bool>> due, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await _writes.EnterAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var total = 0;
        int blocked;
        do
        {
            var window = db.Records.Where(due).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(_options.BatchSize).Select(r => r.Id);
            blocked = await db.Records.Where(r => window.Contains(r.Id))
                .Where(r => r.ParentSourceId != null && db.Records.Any(p => p.IntegrationId == r.IntegrationId
                    && p.EntityType == r.ParentEntityType && p.SourceId == r.ParentSourceId && p.Status != RecordStatus.Delivered))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecordStatus.Blocked).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            total += blocked;
        }
        while (blocked > 0);

        if (total > 0)
        {
            LogBlocked(total);
        }
    }

    /// <summary>Delivered parents release the children waiting for them; they go out with the next delivery batch.</summary>
    private static Task<int> ReleaseChildrenAsync(SyncHubDbContext db, List<long> deliveredIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        deliveredIds.Count == 0 ? Task.FromResult(0)
            : db.Records.Where(r => r.Status == RecordStatus.Blocked && r.ParentSourceId != null
                    && db.Records.Any(p => deliveredIds.Contains(p.Id) && p.IntegrationId == r.IntegrationId
                        && p.EntityType == r.ParentEntityType && p.SourceId == r.ParentSourceId))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, now).SetProperty(r => r.UpdatedAt, now),
                    cancellationToken);
}
