namespace SyncHub.Core.Duplicates;

public enum DuplicateDecisionOutcome
{
    /// <summary>The decision was carried out and the record delivered.</summary>
    Done,

    /// <summary>No such review.</summary>
    NotFound,

    /// <summary>The review was already decided, or its record is no longer waiting for one.</summary>
    NotOpen,

    /// <summary>The chosen survivor is not one of the review's candidates.</summary>
    InvalidSurvivor,

    /// <summary>The record is being delivered by something else right now.</summary>
    Busy,

    /// <summary>The destination refused; the review stays open with the reason.</summary>
    DeliveryFailed,

    /// <summary>The connector said before anything changed that the destination cannot take the merge (a missing permission, say).</summary>
    Refused,
}
