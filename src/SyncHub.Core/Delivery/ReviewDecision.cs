namespace SyncHub.Core.Delivery;

/// <summary>How a reviewed record is delivered: linked to a chosen destination record, or created as new.</summary>
/// <param name="LinkTo">The destination record that survives a merge; null to create the record without a duplicate search.</param>
public sealed record ReviewDecision(string? LinkTo);
