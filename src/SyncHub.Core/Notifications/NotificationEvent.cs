using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>
/// Something an administrator should hear about. Events with the same <see cref="GroupKey"/> (kind, integration,
/// subject) are grouped into one message per channel while the channel's throttle window lasts.
/// </summary>
public sealed record NotificationEvent(NotificationEventKinds Kind, string Title, string Detail)
{
    public int? IntegrationId { get; init; }

    /// <summary>The integration's slug, when the event is about one.</summary>
    public string? Integration { get; init; }

    /// <summary>What distinguishes events of one kind and integration: an alert rule, for example. Null groups per integration.</summary>
    public string? Subject { get; init; }

    /// <summary>A path in SyncHub where the administrator can act, for example <c>/failed?integration=books</c>.</summary>
    public string? Link { get; init; }

    public string GroupKey => $"{Kind}|{Integration ?? "-"}|{Subject ?? "-"}";
}
