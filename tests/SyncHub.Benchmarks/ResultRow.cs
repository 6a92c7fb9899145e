namespace SyncHub.Benchmarks;

/// <summary>One line of the results table: SyncHub and its physical limit, measured in the same run.</summary>
internal sealed record ResultRow(string Scenario, string SyncHub, string Limit, double? Ratio, string Target, bool Met);
