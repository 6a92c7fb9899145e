namespace SyncHub.Data.Entities;

/// <summary>
/// One message for one channel (an outbox row): made when an event arrives, counted up by repeats of its group
/// within the channel's throttle window, sent and retried by the notification job. In-app rows are the inbox.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public int ChannelId { get; set; }

    public NotificationChannel? Channel { get; set; }

    public NotificationEventKinds EventKind { get; set; }

    /// <summary>What repeats are grouped by: event kind, integration and subject (an alert rule, a run).</summary>
    public required string GroupKey { get; set; }

    public int? IntegrationId { get; set; }

    /// <summary>The integration's slug when the event was about one, for webhook payloads.</summary>
    public string? Integration { get; set; }

    /// <summary>Where in SyncHub the administrator can act (absolute when a public address is configured).</summary>
    public string? Link { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>How many events this message stands for.</summary>
    public int Count { get; set; } = 1;

    public DateTimeOffset FirstAt { get; set; }

    public DateTimeOffset LastAt { get; set; }

    public NotificationStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>In-app only: when an administrator marked it read; a repeat grouped into it makes it unread again.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
