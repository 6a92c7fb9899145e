using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>The notification events the engine raises itself (alerts have their own). Outside text is passed as it is and bounded when rendered.</summary>
public static class EngineNotifications
{
    /// <summary>Grouped per integration: a burst of dead letters becomes one message that counts them.</summary>
    public static NotificationEvent DeadLettered(Integration integration, string? lastError) =>
        new(NotificationEventKinds.DeadLettered, "Records became dead letters", lastError ?? "No error message.")
        {
            IntegrationId = integration.Id, Integration = integration.Slug, Link = $"/failed?tab=dead-letter&integration={integration.Slug}",
        };

    public static NotificationEvent CredentialsExpired(int integrationId, string slug, string? note) =>
        new(NotificationEventKinds.CredentialsExpired, "Credentials expired", note ?? "The destination refused the credentials.")
        {
            IntegrationId = integrationId, Integration = slug, Link = $"/integrations/{slug}/edit",
        };

    public static NotificationEvent RunFailed(SyncRun run, string slug) =>
        new(NotificationEventKinds.RunFailed, $"Run {run.Id} {(run.Status == RunStatus.TimedOut ? "timed out" : "failed")} with no retry left", run.Note ?? "")
        {
            IntegrationId = run.IntegrationId, Integration = slug, Link = $"/runs/{run.Id}",
        };

    public static NotificationEvent RunBreakerTripped(SyncRun run, string slug, string note) =>
        new(NotificationEventKinds.RunBreakerTripped, $"Run {run.Id} stopped by its breaker", note)
        {
            IntegrationId = run.IntegrationId, Integration = slug, Link = $"/runs/{run.Id}",
        };
}
