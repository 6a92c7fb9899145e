namespace SyncHub.Core.Reconciliation;

/// <summary>Does one piece of reconciliation work: a comparison or a resync.</summary>
public sealed class ReconcileWorkRunner
{
    private readonly ReconcileExecutor _comparisons;
    private readonly ResyncExecutor _resyncs;

    internal ReconcileWorkRunner(ReconcileExecutor comparisons, ResyncExecutor resyncs)
    {
        _comparisons = comparisons;
        _resyncs = resyncs;
    }

    public Task RunAsync(ReconcileWork work, CancellationToken stopping) =>
        work.Resync ? _resyncs.ExecuteAsync(work.RunId, stopping) : _comparisons.ExecuteAsync(work.RunId, stopping);
}
