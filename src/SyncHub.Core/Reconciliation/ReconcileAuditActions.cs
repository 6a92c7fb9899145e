namespace SyncHub.Core.Reconciliation;

/// <summary>The <c>Action</c> values of the audit entries about reconciliations.</summary>
public static class ReconcileAuditActions
{
    public const string Start = "reconcile.start";
    public const string Resync = "reconcile.resync";
    public const string Cancel = "reconcile.cancel";

    public static string Target(long runId) => $"reconciliation {runId}";
}
