namespace SyncHub.Data.Entities;

/// <summary>The engine events a channel can subscribe to; a channel stores the set it wants, a notification its one kind.</summary>
[Flags]
public enum NotificationEventKinds
{
    None = 0,
    AlertOpened = 1,
    AlertResolved = 2,
    RunFailed = 4,
    RunBreakerTripped = 8,
    CredentialsExpired = 16,
    DeadLettered = 32,

    /// <summary>A record's data was refused (validation or mapping) and no automatic fix applied: a person must correct it.</summary>
    DataFormatError = 128,

    /// <summary>A message sent from the channel's "Send test" button; never filtered out.</summary>
    Test = 64,

    All = AlertOpened | AlertResolved | RunFailed | RunBreakerTripped | CredentialsExpired | DeadLettered | DataFormatError,
}
