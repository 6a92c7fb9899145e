namespace SyncHub.Core.Dashboard;

/// <summary>A row of the trend's GROUP BY: bucket number, error class (null for a delivery) and attempts.</summary>
internal sealed class TrendRow
{
    public long Bucket { get; init; }

    public int? ErrorClass { get; init; }

    public int Count { get; init; }
}
