namespace SyncHub.Core.Failures;

/// <summary>How an edit-and-retry ended.</summary>
public enum EditAndRetryOutcome
{
    /// <summary>The new payload version was saved and retried (see the record's status for the result).</summary>
    Retried = 0,

    /// <summary>The payload was refused before anything changed; the errors name the field.</summary>
    Invalid = 1,

    NotFound = 2,

    /// <summary>The record cannot be edited now: being delivered, delivered, or changed since it was opened.</summary>
    Conflict = 3,
}
