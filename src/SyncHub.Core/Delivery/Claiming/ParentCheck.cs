using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// Before records are claimed, those whose parent (same integration) SyncHub holds but has not delivered are set aside as
/// blocked instead of being sent to fail with "reference not found"; delivering the parent releases them. A parent SyncHub
/// has never seen does not block: the destination may well have it already. Only the candidates of the claim are checked,
/// one statement for all of them, so draining a long queue stays linear.
/// </summary>
internal sealed partial class ParentCheck(ILogger<ParentCheck> logger)
{
    public async Task<List<ClaimRow>> SetAsideWaitingAsync(SyncHubDbContext db, List<ClaimRow> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var children = candidates.Where(c => c.ParentSourceId is not null).ToList();
        if (children.Count == 0)
        {
            return candidates;
        }

        var waiting = await ClaimStatements.WaitingForParentAsync(db, children, cancellationToken);
        if (waiting.Count == 0)
        {
            return candidates;
        }

        await RecordWrites.UpdateAsync(
            db,
            db.Records.Where(r => waiting.Contains(r.Id) && r.Status == RecordStatus.Pending),
            s => s.SetProperty(r => r.Status, RecordStatus.Blocked).SetProperty(r => r.UpdatedAt, now),
            cancellationToken);
        LogBlocked(waiting.Count);
        return [.. candidates.Where(c => !waiting.Contains(c.Id))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} records wait for their parent record to be delivered first")]
    private partial void LogBlocked(int count);
}
