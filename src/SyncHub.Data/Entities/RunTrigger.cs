namespace SyncHub.Data.Entities;

/// <summary>What started a sync run.</summary>
public enum RunTrigger
{
    Scheduled = 0,

    /// <summary>"Sync Now" from the UI or the API.</summary>
    Manual = 1,

    /// <summary>An automatic retry of a failed or timed-out run.</summary>
    Retry = 2,

    /// <summary>A resync over a date range or a full re-import.</summary>
    Resync = 3,
}
