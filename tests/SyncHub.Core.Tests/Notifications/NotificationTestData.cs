using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

/// <summary>Channels made through the real channel service, the dispatcher run by hand, and the outbox read back.</summary>
internal static class NotificationTestData
{
    public static async Task<int> AddChannelAsync(
        this EngineHarness harness, NotificationChannelKind kind, string? url = null, Func<ChannelRequest, ChannelRequest>? change = null,
        NotificationEventKinds events = NotificationEventKinds.All, int throttleMinutes = 15, string name = "ops")
    {
        var request = new ChannelRequest(null, name, kind, true, events, throttleMinutes, null, null) { Url = url };
        var result = await harness.Get<NotificationChannelService>().SaveAsync(change?.Invoke(request) ?? request, "admin@test.local", CancellationToken.None);
        return result.Id ?? throw new InvalidOperationException("Channel not saved: " + string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
    }

    public static Task<int> RunNotificationsAsync(this EngineHarness harness) =>
        harness.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    public static void Notify(this EngineHarness harness, NotificationEvent notification) => harness.Get<INotifier>().Notify(notification);

    public static NotificationEvent DeadLetter(string integration = "books", string error = "Provider said no (HTTP 500).") =>
        new(NotificationEventKinds.DeadLettered, "Records became dead letters", error)
        {
            Integration = integration, Link = $"/failed?tab=dead-letter&integration={integration}",
        };

    public static async Task<List<Notification>> NotificationsAsync(this EngineHarness harness)
    {
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<NotificationChannel> ChannelAsync(this EngineHarness harness, int id)
    {
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.NotificationChannels.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
