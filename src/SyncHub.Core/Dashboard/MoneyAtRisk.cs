namespace SyncHub.Core.Dashboard;

/// <summary>
/// Amounts not yet delivered, per integration and currency. When <see cref="Sampled"/>, only the oldest
/// <see cref="MoneyAtRiskQuery.MaxRecords"/> undelivered records were read, so every figure is a lower bound.
/// </summary>
public sealed record MoneyAtRisk(IReadOnlyList<MoneyAtRiskRow> Rows, bool Sampled)
{
    public static MoneyAtRisk Empty { get; } = new([], false);
}
