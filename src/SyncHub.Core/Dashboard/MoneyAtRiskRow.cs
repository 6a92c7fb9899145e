namespace SyncHub.Core.Dashboard;

/// <summary>One integration's undelivered total in one currency, and the oldest such record's creation time.</summary>
public sealed record MoneyAtRiskRow(string IntegrationSlug, string IntegrationName, string Currency, decimal Amount, int Records, DateTimeOffset OldestCreatedAt);
