using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>
/// Turns buffered events into outbox rows, one per subscribed channel, in one short write. A group that already has
/// a message on the channel within its throttle window is counted into it (a message not yet sent is rendered again
/// with the new count; an in-app one becomes unread again) instead of making a new one.
/// </summary>
public sealed class NotificationOutbox(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, NotificationRenderer renderer, IOptions<NotificationOptions> options, TimeProvider time)
{
    public async Task<int> WriteAsync(IReadOnlyList<BufferedEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        if (channels.Count == 0)
        {
            return 0;
        }

        using var gate = await writes.EnterAsync(cancellationToken);
        var now = time.GetUtcNow();
        var made = 0;
        foreach (var buffered in events)
        {
            foreach (var channel in channels.Where(c => (c.Events & buffered.Latest.Kind) != 0))
            {
                var windowStart = now - TimeSpan.FromMinutes(channel.ThrottleMinutes);
                var key = buffered.Latest.GroupKey;
                var existing = channel.ThrottleMinutes <= 0 ? null : await db.Notifications
                    .Where(n => n.ChannelId == channel.Id && n.GroupKey == key && n.FirstAt >= windowStart)
                    .OrderByDescending(n => n.Id).FirstOrDefaultAsync(cancellationToken);
                if (existing is not null)
                {
                    Merge(channel, existing, buffered);
                    continue;
                }

                db.Notifications.Add(Create(channel, buffered, now));
                made++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return made;
    }

    private void Merge(NotificationChannel channel, Notification existing, BufferedEvent buffered)
    {
        existing.Count += buffered.Count;
        existing.LastAt = buffered.LastAt;
        if (existing.Status == NotificationStatus.Pending || channel.Kind == NotificationChannelKind.InApp)
        {
            var text = renderer.Render(channel, Model(buffered.Latest, existing.Count, existing.FirstAt, buffered.LastAt));
            existing.Subject = text.Subject;
            existing.Body = text.Body;
        }

        if (channel.Kind == NotificationChannelKind.InApp)
        {
            existing.ReadAt = null;
        }
    }

    private Notification Create(NotificationChannel channel, BufferedEvent buffered, DateTimeOffset now)
    {
        var text = renderer.Render(channel, Model(buffered.Latest, buffered.Count, buffered.FirstAt, buffered.LastAt));
        var inApp = channel.Kind == NotificationChannelKind.InApp;
        return new Notification
        {
            ChannelId = channel.Id,
            EventKind = buffered.Latest.Kind,
            GroupKey = NotificationRenderer.Cut(buffered.Latest.GroupKey, 300),
            IntegrationId = buffered.Latest.IntegrationId,
            Integration = buffered.Latest.Integration is { } slug ? NotificationRenderer.Cut(slug, 100) : null,
            Link = Link(buffered.Latest.Link) is { } link ? NotificationRenderer.Cut(link, 500) : null,
            Subject = text.Subject,
            Body = text.Body,
            Count = buffered.Count,
            FirstAt = buffered.FirstAt,
            LastAt = buffered.LastAt,

            // The inbox is the delivery: an in-app message is sent the moment it is written.
            Status = inApp ? NotificationStatus.Sent : NotificationStatus.Pending,
            SentAt = inApp ? now : null,
            NextAttemptAt = inApp ? null : now,
        };
    }

    public NotificationModel Model(NotificationEvent e, int count, DateTimeOffset firstAt, DateTimeOffset lastAt) =>
        new(e.Kind, e.Title, e.Detail, e.Integration, e.Subject, count, firstAt, lastAt, Link(e.Link));

    private string? Link(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var baseUrl = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(baseUrl) ? path : baseUrl.TrimEnd('/') + path;
    }
}
