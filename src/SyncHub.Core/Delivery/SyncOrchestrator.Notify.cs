using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>After a completion commits: reports a record that just became a dead letter and credentials that just expired.</summary>
    private void NotifyChanges(NotableState before, SyncRecord record)
    {
        var integration = record.Integration!;
        if (!before.DeadLetter && record.Status == RecordStatus.DeadLetter)
        {
            _notifier.Notify(EngineNotifications.DeadLettered(integration, record.LastErrorMessage));
        }

        if (!before.Expired && integration.ConnectionState == ConnectionState.Expired)
        {
            _notifier.Notify(EngineNotifications.CredentialsExpired(integration.Id, integration.Slug, integration.ConnectionNote));
        }
    }
}
