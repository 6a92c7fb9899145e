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

    /// <summary>
    /// Grouped per integration: the destination refused a record's data (or its mapping failed) and no automatic fix
    /// applied. Names the record and the fields; the link opens the record, where Edit and retry is.
    /// </summary>
    public static NotificationEvent DataFormatError(Integration integration, long recordId, string entityType, string sourceId, IReadOnlyList<string> fields, string? message) =>
        new(NotificationEventKinds.DataFormatError, "Records need their data corrected",
            $"{entityType} {sourceId} (record {recordId}): " + (fields.Count > 0 ? $"{string.Join(", ", fields.Take(10))}: " : "") + (message ?? "refused by the destination."))
        {
            IntegrationId = integration.Id, Integration = integration.Slug, Link = $"/records/{recordId}#edit-retry",
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
