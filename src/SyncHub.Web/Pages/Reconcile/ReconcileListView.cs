using SyncHub.Core.Reconciliation;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>A page of reconciliations, newest first; it polls while any is still comparing or resyncing.</summary>
public sealed record ReconcileListView(IReadOnlyList<ReconcileRow> Rows, string? Integration, long? NextBefore)
{
    public bool AnyRunning => Rows.Any(r => r.Run.Status == Data.Entities.ReconcileStatus.Running
        || r.Run.ResyncStatus == Data.Entities.ReconcileResyncStatus.Running);
}
