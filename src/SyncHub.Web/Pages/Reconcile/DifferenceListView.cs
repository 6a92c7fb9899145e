using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>One page of a reconciliation's differences, of one kind or all; sent out of band when a comparison finishes.</summary>
public sealed record DifferenceListView(ReconcileRun Run, ReconcileDifferenceKind? Kind, IReadOnlyList<DifferenceView> Rows, long? NextAfter, bool OutOfBand = false)
{
    public int Count(ReconcileDifferenceKind kind) => kind switch
    {
        ReconcileDifferenceKind.Missing => Run.Missing,
        ReconcileDifferenceKind.Different => Run.Different,
        ReconcileDifferenceKind.Extra => Run.Extra,
        _ => Run.NotCompared,
    };

    public int Total => Run.Missing + Run.Different + Run.Extra + Run.NotCompared;

    public string Link(ReconcileDifferenceKind? kind, long? after = null) =>
        $"/reconcile/{Run.Id}?kind={(kind is { } k ? ReconcileDisplay.Slug(k) : "")}{(after is { } a ? $"&after={a}" : "")}";
}
