using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Notifications;

/// <summary>
/// Collects events between two runs of the notification job, one entry per group, so a burst (10,000 dead
/// letters) costs a dictionary update each and becomes one outbox write. Bounded: past
/// <see cref="MaxGroups"/> distinct groups new groups are dropped and counted in the log.
/// </summary>
public sealed partial class NotificationBuffer(TimeProvider time, ILogger<NotificationBuffer> logger) : INotifier
{
    public const int MaxGroups = 1000;

    private readonly Lock _lock = new();
    private Dictionary<string, BufferedEvent> _groups = new(StringComparer.Ordinal);

    public void Notify(NotificationEvent notification)
    {
        try
        {
            var now = time.GetUtcNow();
            lock (_lock)
            {
                Merge(new BufferedEvent(notification, 1, now, now));
            }
        }
        catch (Exception e)
        {
            // Reporting must never break the caller, whatever goes wrong here.
            LogNotifyFailed(e, notification.Kind);
        }
    }

    /// <summary>Takes every buffered group, leaving the buffer empty.</summary>
    public IReadOnlyList<BufferedEvent> Drain()
    {
        lock (_lock)
        {
            var taken = _groups;
            _groups = new Dictionary<string, BufferedEvent>(StringComparer.Ordinal);
            return [.. taken.Values.OrderBy(e => e.FirstAt)];
        }
    }

    /// <summary>Puts back groups that could not be written, so a failed flush loses nothing.</summary>
    public void Restore(IEnumerable<BufferedEvent> events)
    {
        lock (_lock)
        {
            foreach (var buffered in events)
            {
                Merge(buffered);
            }
        }
    }

    private void Merge(BufferedEvent incoming)
    {
        var key = incoming.Latest.GroupKey;
        if (_groups.TryGetValue(key, out var existing))
        {
            var latest = incoming.LastAt >= existing.LastAt ? incoming.Latest : existing.Latest;
            _groups[key] = new BufferedEvent(latest, existing.Count + incoming.Count,
                existing.FirstAt <= incoming.FirstAt ? existing.FirstAt : incoming.FirstAt,
                existing.LastAt >= incoming.LastAt ? existing.LastAt : incoming.LastAt);
        }
        else if (_groups.Count < MaxGroups)
        {
            _groups[key] = incoming;
        }
        else
        {
            LogDropped(incoming.Latest.Kind, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} notification could not be recorded")]
    private partial void LogNotifyFailed(Exception exception, Data.Entities.NotificationEventKinds kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification buffer is full; a {Kind} notification for {Group} was dropped")]
    private partial void LogDropped(Data.Entities.NotificationEventKinds kind, string group);
}
