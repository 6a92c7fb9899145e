namespace SyncHub.Data.Entities;

/// <summary>Where a record stands. Failed records form the failed queue.</summary>
public enum RecordStatus
{
    Pending = 0,
    InFlight = 1,
    Delivered = 2,
    Failed = 3,

    /// <summary>Automatic processing gave up on it; it waits on the Dead Letter tab for an administrator.</summary>
    DeadLetter = 4,

    /// <summary>An administrator chose not to deliver it; kept with its history, never retried automatically.</summary>
    Dismissed = 5,

    /// <summary>Deliberately not delivered: a duplicate of a record the destination already holds, or a schema mismatch.</summary>
    Skipped = 6,

    /// <summary>Waits for its parent record (for example an invoice's customer) to be delivered first.</summary>
    Blocked = 7,

    /// <summary>The destination may already hold the record; an administrator reviews the candidates (duplicate review).</summary>
    NeedsReview = 8,
}
