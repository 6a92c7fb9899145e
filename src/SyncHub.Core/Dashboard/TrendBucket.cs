using SyncHub.Connectors;

namespace SyncHub.Core.Dashboard;

/// <summary>One hour or day of the trend: failed attempts per error class and attempts that delivered.</summary>
public sealed record TrendBucket(DateTimeOffset Start, IReadOnlyDictionary<ErrorClass, int> Failures, int Delivered)
{
    public int Failed => Failures.Values.Sum();
}
