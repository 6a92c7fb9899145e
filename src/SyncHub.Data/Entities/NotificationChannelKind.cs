namespace SyncHub.Data.Entities;

/// <summary>Where a notification channel delivers: the dashboard inbox, a JSON webhook, a Slack-compatible webhook or e-mail.</summary>
public enum NotificationChannelKind
{
    InApp = 0,
    Webhook = 1,
    Slack = 2,
    Email = 3,
}
