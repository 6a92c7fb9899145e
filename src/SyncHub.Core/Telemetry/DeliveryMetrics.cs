using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncHub.Connectors;

namespace SyncHub.Core.Telemetry;

/// <summary>
/// The delivery instruments of the <c>SyncHub</c> meter: every finished attempt, by outcome and error class,
/// and how long it took. Queue depths, breaker states, operation progress and lag are observed from
/// <see cref="MetricsSnapshotCache"/> when a scraper asks.
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "SyncHub";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _latency;

    public DeliveryMetrics(IMeterFactory meters, MetricsSnapshotCache snapshot)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("synchub.deliveries", "{attempt}", "Delivery attempts finished, by outcome and error class.");
        _latency = meter.CreateHistogram<double>("synchub.delivery.attempt.duration", "ms", "How long one delivery attempt took.");
        meter.CreateObservableGauge("synchub.queue.failed", () => snapshot.Current.Failed, "{record}", "Records waiting in the failed queue.");
        meter.CreateObservableGauge("synchub.queue.dead_letter", () => snapshot.Current.DeadLetter, "{record}", "Records in the dead-letter queue.");
        meter.CreateObservableGauge("synchub.delivery.lag", () => snapshot.Current.OldestPendingAgeSeconds, "s", "Age of the oldest record waiting for its first delivery.");
        meter.CreateObservableGauge("synchub.breaker.state", snapshot.BreakerStates, null, "Breaker state per integration: 0 closed, 1 open, 2 half-open.");
        meter.CreateObservableGauge("synchub.retry_operation.progress", () => snapshot.Current.Operations, null, "Share of a running retry operation's records already done (0 to 1).");
    }

    /// <summary>Called once per attempt, where its result is written.</summary>
    public void AttemptCompleted(string integration, DeliveryOutcome outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "integration", integration },
            { "outcome", outcome.IsDelivered ? "delivered" : "failed" },
            { "error_class", outcome.IsDelivered ? "none" : outcome.ErrorClass.ToString() },
        };
        _deliveries.Add(1, tags);
        _latency.Record(elapsed.TotalMilliseconds, tags);
    }
}
