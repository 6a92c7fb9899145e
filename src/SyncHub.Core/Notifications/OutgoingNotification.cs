namespace SyncHub.Core.Notifications;

/// <summary>One message as a sender sees it.</summary>
public sealed record OutgoingNotification(NotificationModel Model, string Subject, string Body);
