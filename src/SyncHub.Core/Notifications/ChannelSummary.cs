using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>A channel with how many of its messages wait and how many failed for good.</summary>
public sealed record ChannelSummary(NotificationChannel Channel, int Pending, int Failed);
