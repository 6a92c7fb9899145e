using System.Diagnostics.Metrics;
using SyncHub.Core.Breakers;

namespace SyncHub.Core.Telemetry;

/// <summary>The database-backed gauge values, read together and kept for a short while.</summary>
public sealed record MetricsSnapshot(
    long Failed,
    long DeadLetter,
    double OldestPendingAgeSeconds,
    IReadOnlyList<Measurement<double>> Operations,
    IReadOnlyList<BreakerTarget> Integrations)
{
    public static MetricsSnapshot Empty { get; } = new(0, 0, 0, [], []);
}
