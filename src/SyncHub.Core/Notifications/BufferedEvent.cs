namespace SyncHub.Core.Notifications;

/// <summary>Events of one group that arrived since the last flush: the latest of them and how many there were.</summary>
public sealed record BufferedEvent(NotificationEvent Latest, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
