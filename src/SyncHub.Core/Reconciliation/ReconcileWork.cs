namespace SyncHub.Core.Reconciliation;

/// <summary>One piece of background work: a reconciliation's comparison, or its resync.</summary>
public readonly record struct ReconcileWork(long RunId, bool Resync);
