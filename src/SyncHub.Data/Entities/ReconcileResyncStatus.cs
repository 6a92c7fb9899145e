namespace SyncHub.Data.Entities;

/// <summary>Where a reconciliation's "Resync missing and different" stands.</summary>
public enum ReconcileResyncStatus
{
    /// <summary>Not asked for.</summary>
    None = 0,

    /// <summary>Queuing the records for delivery, chunk by chunk.</summary>
    Running = 1,

    /// <summary>Every record was queued or left with a reason; delivery goes on as usual.</summary>
    Completed = 2,

    /// <summary>Stopped before the end; records already queued stay queued.</summary>
    Cancelled = 3,
}
