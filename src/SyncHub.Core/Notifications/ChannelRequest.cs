using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>
/// A channel as the form sends it. <see cref="Url"/> and <see cref="Password"/> are write-only: left blank they keep
/// what is stored; <see cref="ClearPassword"/> removes the stored password.
/// </summary>
public sealed record ChannelRequest(
    int? Id,
    string Name,
    NotificationChannelKind Kind,
    bool Enabled,
    NotificationEventKinds Events,
    int ThrottleMinutes,
    string? SubjectTemplate,
    string? BodyTemplate)
{
    public string? Url { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    public string Security { get; init; } = SmtpSecurity.StartTls;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool ClearPassword { get; init; }

    public string? From { get; init; }

    /// <summary>Recipients separated by commas, semicolons or new lines.</summary>
    public string? To { get; init; }
}
