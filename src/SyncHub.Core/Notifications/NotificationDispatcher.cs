using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Notifications.Senders;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>
/// The notification job's work: writes buffered events to the outbox, then sends due messages one by one, each
/// with a time limit, outside the write gate. A failure counts an attempt, waits (doubling) and is shown on the
/// message and its channel; after the last attempt the message is failed.
/// </summary>
public sealed partial class NotificationDispatcher(
    IDbContextFactory<SyncHubDbContext> dbFactory,
    WriteGate writes,
    NotificationBuffer buffer,
    NotificationOutbox outbox,
    IEnumerable<INotificationSender> senders,
    ChannelSettingsProtector protector,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Flushes the buffer and sends one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await SendDueAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var events = buffer.Drain();
        try
        {
            await outbox.WriteAsync(events, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            buffer.Restore(events);
            LogFlushFailed(e, events.Count);
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<Notification> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Notifications.AsNoTracking().Include(n => n.Channel)
                .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
                .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        }

        foreach (var notification in due)
        {
            var channel = notification.Channel!;
            var result = channel.Enabled ? await SendAsync(channel, ToOutgoing(notification), cancellationToken) : (NotificationSendResult?)null;
            await RecordAsync(notification, result, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>Sends through the channel's sender with the configured time limit; never throws for a channel's failure.</summary>
    public async Task<NotificationSendResult> SendAsync(NotificationChannel channel, OutgoingNotification message, CancellationToken cancellationToken)
    {
        var sender = senders.FirstOrDefault(s => s.Handles(channel.Kind));
        if (sender is null)
        {
            return NotificationSendResult.Failed($"No sender for {channel.Kind} channels.");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var settings = protector.Read(channel.SettingsJson);
            return await sender.SendAsync(channel.Kind, settings, message, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return NotificationSendResult.Failed($"No answer within {options.Value.SendTimeoutSeconds} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A sender bug or an unreadable key ring: the message is retried and the error shown, the job goes on.
            LogSenderThrew(e, channel.Name);
            return NotificationSendResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static OutgoingNotification ToOutgoing(Notification n)
    {
        var model = new NotificationModel(n.EventKind, n.Subject, n.Body, n.Integration, null, n.Count, n.FirstAt, n.LastAt, n.Link);
        return new OutgoingNotification(model, n.Subject, n.Body);
    }

    private async Task RecordAsync(Notification sent, NotificationSendResult? result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var row = await db.Notifications.SingleOrDefaultAsync(n => n.Id == sent.Id, cancellationToken);
        var channel = await db.NotificationChannels.SingleOrDefaultAsync(c => c.Id == sent.ChannelId, cancellationToken);
        if (row is null || channel is null)
        {
            return;
        }

        if (result is null)
        {
            row.Status = NotificationStatus.Suppressed;
            row.NextAttemptAt = null;
            row.LastError = "The channel was turned off before this message went out.";
        }
        else if (result.Value.Succeeded)
        {
            row.Attempts++;
            row.Status = NotificationStatus.Sent;
            row.SentAt = now;
            row.NextAttemptAt = null;
            channel.LastSuccessAt = now;
        }
        else
        {
            row.Attempts++;
            row.LastError = result.Value.Error;
            channel.LastError = result.Value.Error;
            channel.LastErrorAt = now;
            var giveUp = row.Attempts >= options.Value.MaxAttempts;
            row.Status = giveUp ? NotificationStatus.Failed : NotificationStatus.Pending;
            row.NextAttemptAt = giveUp ? null : now + options.Value.RetryDelay(row.Attempts);
            LogSendFailed(channel.Name, row.Id, row.Attempts, giveUp);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifications could not be written ({Count} groups kept for the next try)")]
    private partial void LogFlushFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification sender for channel {Channel} threw")]
    private partial void LogSenderThrew(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} did not take notification {NotificationId} (attempt {Attempts}; given up: {GivenUp})")]
    private partial void LogSendFailed(string channel, long notificationId, int attempts, bool givenUp);
}
