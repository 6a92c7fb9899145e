namespace SyncHub.Core.Reconciliation;

/// <summary>
/// A resync's progress: how many of its <paramref name="Total"/> records it has queued or left, and what became of the
/// queued ones since: delivered, failed (or skipped, or sent to review), still waiting to be delivered.
/// </summary>
public sealed record ResyncProgress(int Total, int Queued, int Left, int Delivered, int Failed, int Waiting)
{
    public int Handled => Queued + Left;
}
