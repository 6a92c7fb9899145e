namespace SyncHub.Data.Entities;

/// <summary>What a resync did with one difference.</summary>
public enum DifferenceResync
{
    /// <summary>Not reached (no resync yet, or not one it takes).</summary>
    None = 0,

    /// <summary>Queued for delivery (or, for a record SyncHub did not hold, created and queued).</summary>
    Queued = 1,

    /// <summary>Left as it was, for the reason in its note (being delivered, dismissed, changed since the comparison…).</summary>
    Left = 2,
}
