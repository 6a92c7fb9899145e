using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// What a completion tells an administrator: a record that just became a dead letter, credentials that just expired.
    /// Taken as the completion is applied, so a later record of the same group cannot change the text; sent after the commit.
    /// </summary>
    private static List<NotificationEvent> Notices(NotableState before, SyncRecord record)
    {
        var integration = record.Integration!;
        var notices = new List<NotificationEvent>();
        if (!before.DeadLetter && record.Status == RecordStatus.DeadLetter)
        {
            notices.Add(EngineNotifications.DeadLettered(integration, record.LastErrorMessage));
        }

        if (!before.Expired && integration.ConnectionState == ConnectionState.Expired)
        {
            notices.Add(EngineNotifications.CredentialsExpired(integration.Id, integration.Slug, integration.ConnectionNote));
        }

        return notices;
    }
}
