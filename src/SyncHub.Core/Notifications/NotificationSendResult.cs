namespace SyncHub.Core.Notifications;

/// <summary>Whether a channel took a message; the error is the channel's own words, bounded, shown to administrators.</summary>
public readonly record struct NotificationSendResult(bool Succeeded, string? Error)
{
    public static NotificationSendResult Ok { get; } = new(true, null);

    public static NotificationSendResult Failed(string error) => new(false, NotificationRenderer.Cut(error, 1000));
}
