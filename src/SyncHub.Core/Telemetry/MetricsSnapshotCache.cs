using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Core.Breakers;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Telemetry;

/// <summary>
/// Reads the gauge values from the database at most once per <see cref="MetricsOptions.GaugeRefreshSeconds"/>,
/// however often Prometheus scrapes. Gauge callbacks are synchronous, so the (index-only) queries are too.
/// </summary>
public sealed class MetricsSnapshotCache(
    IDbContextFactory<SyncHubDbContext> dbFactory, BreakerRegistry breakers, IOptions<MetricsOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private MetricsSnapshot _current = MetricsSnapshot.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public MetricsSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (now - _readAt >= TimeSpan.FromSeconds(options.Value.GaugeRefreshSeconds))
                {
                    _current = Read(now);
                    _readAt = now;
                }

                return _current;
            }
        }
    }

    /// <summary>0 closed, 1 open, 2 half-open: the worse of the integration's own breaker and its connector's.</summary>
    public IEnumerable<Measurement<int>> BreakerStates()
    {
        foreach (var target in Current.Integrations)
        {
            var both = breakers.Describe(target);
            var state = both.Integration.State == BreakerState.Open || both.Connector.State == BreakerState.Open ? BreakerState.Open
                : both.Integration.State == BreakerState.HalfOpen || both.Connector.State == BreakerState.HalfOpen ? BreakerState.HalfOpen
                : BreakerState.Closed;
            yield return new Measurement<int>((int)state, new KeyValuePair<string, object?>("integration", target.Slug));
        }
    }

    private MetricsSnapshot Read(DateTimeOffset now)
    {
        using var db = dbFactory.CreateDbContext();
        var records = db.Records.AsNoTracking();

        // The queue depths come from the counts the records table's triggers keep, not from counting the queues.
        var counts = db.RecordCounts.AsNoTracking().Where(c => !c.Archived);
        var failed = counts.Where(c => c.Status == RecordStatus.Failed).Sum(c => c.Count);
        var deadLetter = counts.Where(c => c.Status == RecordStatus.DeadLetter).Sum(c => c.Count);
        var oldestPending = records.Where(r => r.Status == RecordStatus.Pending).OrderBy(r => r.Id)
            .Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefault();
        var operations = db.RetryOperations.AsNoTracking().Where(o => o.Status == OperationStatus.Running)
            .Select(o => new { o.Id, o.Total, Done = o.Succeeded + o.Failed + o.Skipped }).ToList();
        var integrations = db.Integrations.AsNoTracking().Select(i => new { i.Id, i.Slug, i.Connector }).ToList();
        return new MetricsSnapshot(
            failed,
            deadLetter,
            oldestPending is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0,
            [.. operations.Select(o => new Measurement<double>(o.Total == 0 ? 1 : (double)o.Done / o.Total, new KeyValuePair<string, object?>("operation", o.Id.ToString())))],
            [.. integrations.Select(i => new BreakerTarget(i.Id, i.Slug, i.Connector))]);
    }
}
