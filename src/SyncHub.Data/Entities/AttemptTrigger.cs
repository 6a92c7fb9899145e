namespace SyncHub.Data.Entities;

/// <summary>What started an attempt.</summary>
public enum AttemptTrigger
{
    Delivery = 0,
    AutomaticRetry = 1,
    ManualRetry = 2,

    /// <summary>Delivered as part of a sync run (scheduled, Sync Now, run retry or resync).</summary>
    Run = 3,
}
