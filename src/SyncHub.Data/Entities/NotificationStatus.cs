namespace SyncHub.Data.Entities;

public enum NotificationStatus
{
    /// <summary>Waiting for its first attempt or for its next retry.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Every attempt failed; the channel shows the last error.</summary>
    Failed = 2,

    /// <summary>Not sent because the channel was disabled or deleted before it went out.</summary>
    Suppressed = 3,
}
