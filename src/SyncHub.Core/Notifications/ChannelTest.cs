using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>A channel's test message, sent at once so an administrator sees whether the channel works.</summary>
public sealed class ChannelTest(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, IAuditLog audit, NotificationDispatcher dispatcher, NotificationRenderer renderer,
    TimeProvider time)
{
    /// <summary>
    /// Sends a test message through the channel now (in-app: puts it in the inbox), records the result on the channel
    /// and as a delivery row, audits it, and returns it for the page to show.
    /// </summary>
    public async Task<NotificationSendResult?> TestAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.NotificationChannels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var model = new NotificationModel(NotificationEventKinds.Test, "Test message", $"Sent by {actor} from the notifications page to check the channel '{channel.Name}'.",
            null, null, 1, now, now, "/notifications");
        var text = renderer.Render(channel, model);
        var result = channel.Kind == NotificationChannelKind.InApp
            ? NotificationSendResult.Ok
            : await dispatcher.SendAsync(channel, new OutgoingNotification(model, text.Subject, text.Body), cancellationToken);

        var done = time.GetUtcNow();
        db.Notifications.Add(new Notification
        {
            ChannelId = channel.Id, EventKind = NotificationEventKinds.Test, GroupKey = $"test|{done.UtcTicks}", Subject = text.Subject, Body = text.Body,
            FirstAt = now, LastAt = now, Attempts = 1, Link = "/notifications",
            Status = result.Succeeded ? NotificationStatus.Sent : NotificationStatus.Failed,
            SentAt = result.Succeeded ? done : null, LastError = result.Error,
        });
        if (result.Succeeded)
        {
            channel.LastSuccessAt = done;
        }
        else
        {
            channel.LastError = result.Error;
            channel.LastErrorAt = done;
        }

        await writes.RunAsync(db.SaveChangesAsync, cancellationToken);

        await audit.WriteAsync(actor, NotificationAuditActions.Test, NotificationAuditActions.Target(channel.Id, channel.Name),
            result.Succeeded ? "sent" : "failed: " + result.Error, cancellationToken);
        return result;
    }
}
