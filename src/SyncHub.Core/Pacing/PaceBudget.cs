using SyncHub.Connectors;

namespace SyncHub.Core.Pacing;

/// <summary>
/// One partition's budget (a Xero tenant, say): calls in flight, calls in the last minute and calls this UTC day.
/// Counted on the injected clock, so tests move time instead of waiting.
/// </summary>
internal sealed class PaceBudget(ConnectorRateLimits limits)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _lastMinute = new();
    private readonly Lock _lock = new();
    private DateOnly _day;
    private int _today;

    public SemaphoreSlim InFlight { get; } = new(Math.Max(1, limits.MaxConcurrent ?? int.MaxValue / 2));

    public ConnectorRateLimits Limits => limits;

    /// <summary>Takes a slot now, or says how long to wait for the minute window, or that the day is spent.</summary>
    public PaceVerdict TryTake(DateTimeOffset now)
    {
        lock (_lock)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (day != _day)
            {
                _day = day;
                _today = 0;
            }

            if (limits.PerDay is { } perDay && _today >= perDay)
            {
                return PaceVerdict.DaySpent(NextUtcMidnight(now));
            }

            while (_lastMinute.Count > 0 && now - _lastMinute.Peek() >= Minute)
            {
                _lastMinute.Dequeue();
            }

            if (limits.PerMinute is { } perMinute && _lastMinute.Count >= perMinute)
            {
                return PaceVerdict.Wait(_lastMinute.Peek() + Minute - now);
            }

            _lastMinute.Enqueue(now);
            _today++;
            return limits.PerDay is { } limit && _today >= limit ? PaceVerdict.LastOfDay(NextUtcMidnight(now)) : PaceVerdict.Go;
        }
    }

    private static DateTimeOffset NextUtcMidnight(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
