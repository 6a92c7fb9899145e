using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>
/// The resync panel: the button while nothing was resynced, then progress that polls while the resync queues records
/// or any it queued still waits to be delivered; the finished panel drops the poll.
/// </summary>
public sealed record ResyncPanelView(ReconcileRun Run, string IntegrationSlug, ResyncProgress Progress, int Resyncable, string? Message = null, bool OutOfBand = false)
{
    public bool Started => Run.ResyncStatus != ReconcileResyncStatus.None;

    public bool Polling => Run.Status == ReconcileStatus.Running || Run.ResyncStatus == ReconcileResyncStatus.Running
        || (Started && Progress.Waiting > 0);

    public string Title => Run.ResyncStatus switch
    {
        ReconcileResyncStatus.Running => "Queuing the missing and different records…",
        ReconcileResyncStatus.Cancelled => "Resync cancelled.",
        _ when Progress.Waiting > 0 => "Queued; delivering…",
        _ => "Resync finished.",
    };
}
