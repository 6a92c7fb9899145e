using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>What a comparison found: the differing rows and how many records matched, or why it could not finish.</summary>
internal sealed class Comparison
{
    public List<ReconcileDifference> Rows { get; } = [];

    public int Matching { get; set; }

    public string? Failure { get; set; }

    public int Count(ReconcileDifferenceKind kind) => Rows.Count(r => r.Kind == kind);
}
