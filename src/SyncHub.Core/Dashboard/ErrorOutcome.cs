namespace SyncHub.Core.Dashboard;

/// <summary>What became of a failed attempt.</summary>
public enum ErrorOutcome
{
    StillFailing = 0,
    ResolvedByAutomaticRetry = 1,
    ResolvedByManualRetry = 2,
    ResolvedByRun = 3,
    EditedAndRetried = 4,
    DeadLetter = 5,
    Dismissed = 6,

    /// <summary>Queued or being sent again right now.</summary>
    Retrying = 7,

    /// <summary>Delivered later without this entry naming the retry (for example a newer version from the source).</summary>
    DeliveredLater = 8,
    NeedsReview = 9,
    Skipped = 10,
    Blocked = 11,

    /// <summary>A newer payload version of the record was delivered (see <see cref="Queries.Supersession"/>).</summary>
    Superseded = 12,
}
