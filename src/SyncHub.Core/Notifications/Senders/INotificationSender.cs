using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications.Senders;

/// <summary>Delivers a message through one kind of channel. Expected failures are results, not exceptions.</summary>
public interface INotificationSender
{
    bool Handles(NotificationChannelKind kind);

    Task<NotificationSendResult> SendAsync(NotificationChannelKind kind, ChannelSettings settings, OutgoingNotification message, CancellationToken cancellationToken);
}
