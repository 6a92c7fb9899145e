namespace SyncHub.Core.Dashboard;

/// <summary>A row of the money-at-risk GROUP BY; amounts in thousandths, so the sum is exact.</summary>
internal sealed class MoneyRow
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string Currency { get; init; }

    public long Thousandths { get; init; }

    public int Records { get; init; }

    public long Oldest { get; init; }
}
