using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>The stable names events have in templates, webhook payloads and the page.</summary>
public static class EventNames
{
    public static IReadOnlyList<NotificationEventKinds> Subscribable { get; } =
    [
        NotificationEventKinds.AlertOpened, NotificationEventKinds.AlertResolved, NotificationEventKinds.RunFailed,
        NotificationEventKinds.RunBreakerTripped, NotificationEventKinds.CredentialsExpired, NotificationEventKinds.DeadLettered,
        NotificationEventKinds.DataFormatError,
    ];

    public static string For(NotificationEventKinds kind) => kind switch
    {
        NotificationEventKinds.AlertOpened => "alert-opened",
        NotificationEventKinds.AlertResolved => "alert-resolved",
        NotificationEventKinds.RunFailed => "run-failed",
        NotificationEventKinds.RunBreakerTripped => "run-breaker-tripped",
        NotificationEventKinds.CredentialsExpired => "credentials-expired",
        NotificationEventKinds.DeadLettered => "dead-lettered",
        NotificationEventKinds.DataFormatError => "data-format-error",
        NotificationEventKinds.Test => "test",
        _ => "unknown",
    };

    public static string Label(NotificationEventKinds kind) => kind switch
    {
        NotificationEventKinds.AlertOpened => "Alert opened",
        NotificationEventKinds.AlertResolved => "Alert resolved",
        NotificationEventKinds.RunFailed => "Run failed after its retries",
        NotificationEventKinds.RunBreakerTripped => "Run breaker tripped",
        NotificationEventKinds.CredentialsExpired => "Credentials expired",
        NotificationEventKinds.DeadLettered => "Records became dead letters",
        NotificationEventKinds.DataFormatError => "Records need their data corrected",
        NotificationEventKinds.Test => "Test message",
        _ => kind.ToString(),
    };
}
