using SyncHub.Data;
using SyncHub.Data.Bookkeeping;

namespace SyncHub.Core.Operations;

/// <summary>Hands back the records an operation has not reached: only the mark goes, status and next attempt time stay.</summary>
internal static class OperationMarks
{
    public static async Task<int> ReleaseAsync(SyncHubDbContext db, Guid operationId, CancellationToken cancellationToken)
    {
        // The operation's records are found through its queue lane; the mark is checked on the record itself again.
        var queued = db.WorkQueue.Where(w => w.OperationId == operationId).Select(w => w.RecordId);
        var released = await RecordWrites.UpdateAsync(
            db, db.Records.Where(r => queued.Contains(r.Id) && r.RetryOperationId == operationId), s => s.SetProperty(r => r.RetryOperationId, (Guid?)null), cancellationToken);
        return released.Count;
    }
}
