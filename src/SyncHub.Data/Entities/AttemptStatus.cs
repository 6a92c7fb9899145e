namespace SyncHub.Data.Entities;

/// <summary>
/// The state of a sync-log entry. A failed entry becomes <see cref="Succeeded"/> when a later retry delivers
/// the record; its error stays on the entry and <see cref="SyncAttempt.ResolvedByAttemptId"/> names the retry.
/// </summary>
public enum AttemptStatus
{
    InFlight = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>The process stopped while the attempt was out; the record was queued again with the same key.</summary>
    Interrupted = 3,

    /// <summary>Deliberately not delivered: a duplicate the destination already holds, or a schema mismatch.</summary>
    Skipped = 4,
}
