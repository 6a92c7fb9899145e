namespace SyncHub.Core.Notifications;

/// <summary>Where and how a channel sends. Stored encrypted; <see cref="Url"/> and <see cref="Password"/> are secrets and never shown.</summary>
public sealed record ChannelSettings
{
    public string? Url { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    /// <summary><c>starttls</c> (default), <c>tls</c> (TLS from the first byte) or <c>none</c>.</summary>
    public string Security { get; init; } = SmtpSecurity.StartTls;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? From { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];
}
