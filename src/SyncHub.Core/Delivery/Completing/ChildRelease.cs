using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// Delivered parents release the children waiting for them; they go out with the next delivery batch. Only integrations
/// that have blocked records at all are looked at (one read of their counts), so a group with no waiting children costs
/// nothing more.
/// </summary>
internal static class ChildRelease
{
    public static async Task ReleaseAsync(SyncHubDbContext db, IReadOnlyList<AnsweredAttempt> answered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delivered = answered.Where(a => a.WrittenStatus == RecordStatus.Delivered).Select(a => a.Completion.Work.Record).ToList();
        if (delivered.Count == 0)
        {
            return;
        }

        var integrations = delivered.Select(r => r.IntegrationId).Distinct().ToList();
        var waiting = await db.RecordCounts.AsNoTracking()
            .Where(c => integrations.Contains(c.IntegrationId) && c.Status == RecordStatus.Blocked && c.Count > 0)
            .Select(c => c.IntegrationId).Distinct().ToListAsync(cancellationToken);
        foreach (var integrationId in waiting)
        {
            var parents = delivered.Where(r => r.IntegrationId == integrationId).Select(r => r.Id).ToList();
            await RecordWrites.UpdateAsync(
                db,
                db.Records.Where(r => r.IntegrationId == integrationId && r.Status == RecordStatus.Blocked && r.ParentSourceId != null
                    && db.Records.Any(p => parents.Contains(p.Id) && p.EntityType == r.ParentEntityType && p.SourceId == r.ParentSourceId)),
                s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, now).SetProperty(r => r.UpdatedAt, now),
                cancellationToken);
        }
    }
}
