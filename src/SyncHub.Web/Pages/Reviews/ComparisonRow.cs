namespace SyncHub.Web.Pages.Reviews;

/// <summary>One field across the record and each candidate.</summary>
public sealed record ComparisonRow(string Field, string? RecordValue, IReadOnlyList<string?> CandidateValues)
{
    public bool Differs => CandidateValues.Any(v => !string.Equals(v?.Trim(), RecordValue?.Trim(), StringComparison.OrdinalIgnoreCase));
}
