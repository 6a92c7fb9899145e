namespace SyncHub.Core.Notifications;

/// <summary>The <c>Action</c> values of audit entries about notification channels.</summary>
public static class NotificationAuditActions
{
    public const string Create = "notification-channel.create";
    public const string Update = "notification-channel.update";
    public const string Delete = "notification-channel.delete";
    public const string Test = "notification-channel.test";

    public static string Target(int id, string name) => $"notification channel {id} ({name})";
}
