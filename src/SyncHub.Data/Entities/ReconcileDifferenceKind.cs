namespace SyncHub.Data.Entities;

/// <summary>How one record differs between the source side and the destination.</summary>
public enum ReconcileDifferenceKind
{
    /// <summary>The source has it; the destination does not (or holds it deleted or voided).</summary>
    Missing = 0,

    /// <summary>Both have it, but fields the delivery sets differ.</summary>
    Different = 1,

    /// <summary>The destination has it; no record of the source side does.</summary>
    Extra = 2,

    /// <summary>It could not be compared: its mapping fails, or the destination could not answer for it.</summary>
    NotCompared = 3,
}
