using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>The notification events of an alert: grouped per rule and subject, so a flapping alert is throttled as one.</summary>
internal static class AlertNotifications
{
    public static NotificationEvent Opened(Alert alert, string? integration) =>
        new(NotificationEventKinds.AlertOpened, alert.Title, alert.Detail ?? "")
        {
            IntegrationId = alert.IntegrationId,
            Integration = integration,
            Subject = $"{alert.Rule}:{alert.Subject}",
            Link = "/alerts",
        };

    public static NotificationEvent Resolved(Alert alert, string? integration) =>
        new(NotificationEventKinds.AlertResolved, "Resolved: " + alert.Title, $"The condition cleared after {alert.Occurrences} checks.")
        {
            IntegrationId = alert.IntegrationId,
            Integration = integration,
            Subject = $"{alert.Rule}:{alert.Subject}",
            Link = "/alerts",
        };
}
