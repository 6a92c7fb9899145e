namespace SyncHub.Data.Entities;

/// <summary>A place alerts and engine events are sent to, with the events it wants and how often repeats may go out.</summary>
public sealed class NotificationChannel
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public NotificationChannelKind Kind { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Address, server and credentials as JSON, encrypted: a webhook URL often carries a token.</summary>
    public string SettingsJson { get; set; } = "{}";

    public NotificationEventKinds Events { get; set; } = NotificationEventKinds.All;

    /// <summary>Scriban templates that replace the default subject and body; null uses the defaults.</summary>
    public string? SubjectTemplate { get; set; }

    public string? BodyTemplate { get; set; }

    /// <summary>Repeats of one event group within this many minutes are counted into the message already made.</summary>
    public int ThrottleMinutes { get; set; } = 15;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public string? LastError { get; set; }
}
