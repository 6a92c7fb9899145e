namespace SyncHub.Core.Notifications;

/// <summary>The SMTP transport security choices a channel stores.</summary>
public static class SmtpSecurity
{
    public const string StartTls = "starttls";
    public const string Tls = "tls";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [StartTls, Tls, None];
}
