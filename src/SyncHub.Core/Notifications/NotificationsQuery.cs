using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>What the notifications page and the nav badge read: channels with their queue, recent deliveries, the inbox.</summary>
public sealed class NotificationsQuery(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    public const int RecentLimit = 30;

    public async Task<IReadOnlyList<ChannelSummary>> ChannelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var counts = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Failed)
            .GroupBy(n => new { n.ChannelId, n.Status })
            .Select(g => new { g.Key.ChannelId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. channels.Select(c => new ChannelSummary(
            c,
            counts.Where(x => x.ChannelId == c.Id && x.Status == NotificationStatus.Pending).Sum(x => x.Count),
            counts.Where(x => x.ChannelId == c.Id && x.Status == NotificationStatus.Failed).Sum(x => x.Count)))];
    }

    public async Task<NotificationChannel?> ChannelAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The newest messages of the sending channels (webhook, Slack, e-mail), with their channel.</summary>
    public async Task<IReadOnlyList<Notification>> RecentDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().Include(n => n.Channel)
            .Where(n => n.Channel!.Kind != NotificationChannelKind.InApp)
            .OrderByDescending(n => n.Id).Take(RecentLimit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> InboxAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.Channel!.Kind == NotificationChannelKind.InApp)
            .OrderByDescending(n => n.LastAt).Take(RecentLimit).ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.ReadAt == null && n.Channel!.Kind == NotificationChannelKind.InApp, cancellationToken);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await writes.RunAsync(
            token => db.Notifications.Where(n => n.ReadAt == null && n.Channel!.Kind == NotificationChannelKind.InApp)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), token),
            cancellationToken);
    }
}
