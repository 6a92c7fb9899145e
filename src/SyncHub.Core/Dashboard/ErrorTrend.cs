using SyncHub.Connectors;

namespace SyncHub.Core.Dashboard;

/// <summary>The error trend over a window, oldest bucket first, every bucket present (empty ones too).</summary>
public sealed record ErrorTrend(TrendRange Range, IReadOnlyList<TrendBucket> Buckets)
{
    /// <summary>The error classes that occur in the window, in enum order, so colours and legend stay stable.</summary>
    public IReadOnlyList<ErrorClass> Classes { get; } =
        Buckets.SelectMany(b => b.Failures.Keys).Distinct().Order().ToList();

    public int TotalFailed => Buckets.Sum(b => b.Failed);

    public int TotalDelivered => Buckets.Sum(b => b.Delivered);

    public int TotalOf(ErrorClass errorClass) => Buckets.Sum(b => b.Failures.GetValueOrDefault(errorClass));
}
