using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Delivery.Completing;
using SyncHub.Core.Delivery.Pipeline;

namespace SyncHub.Core.Delivery;

/// <summary>
/// The engine's entry points: every path that sends records (first deliveries, automatic and manual retries, runs, edits
/// and reviewed duplicates) names a work source here and runs the same pipeline of claim, render, send and complete
/// (<see cref="DeliveryPipeline"/>), so they share one claim and one way of recording results. The <c>Drain</c> methods
/// claim ahead batch after batch until nothing is due; the others do one batch, for callers that want its result.
/// </summary>
public sealed class SyncOrchestrator
{
    public const string ReconciledMessage = OutcomePlanner.ReconciledMessage;

    private readonly DeliveryPipeline _pipeline;

    internal SyncOrchestrator(DeliveryPipeline pipeline) => _pipeline = pipeline;

    /// <summary>Delivers one batch of pending records whose time has come.</summary>
    public Task<BatchResult> DeliverDueAsync(CancellationToken cancellationToken) => _pipeline.RunOnceAsync(WorkSource.DueDeliveries, cancellationToken);

    /// <summary>Delivers pending records until none is due.</summary>
    public Task<BatchResult> DrainDueAsync(CancellationToken cancellationToken) => _pipeline.DrainAsync(WorkSource.DueDeliveries, null, cancellationToken);

    /// <summary>Retries one batch of failed records whose automatic retry is due. Records queued for a manual retry are left to it.</summary>
    public Task<BatchResult> RetryDueAsync(CancellationToken cancellationToken) => _pipeline.RunOnceAsync(WorkSource.DueRetries, cancellationToken);

    /// <summary>Retries failed records until no automatic retry is due.</summary>
    public Task<BatchResult> DrainRetriesAsync(CancellationToken cancellationToken) => _pipeline.DrainAsync(WorkSource.DueRetries, null, cancellationToken);

    /// <summary>Retries one batch of the records a manual retry operation queued.</summary>
    public Task<BatchResult> RetryQueuedAsync(Guid operationId, CancellationToken cancellationToken) =>
        _pipeline.RunOnceAsync(WorkSource.Operation(operationId), cancellationToken);

    /// <summary>Retries an operation's queued records batch after batch; <paramref name="mayClaim"/> is asked before each claim.</summary>
    public Task<BatchResult> DrainQueuedAsync(Guid operationId, Func<CancellationToken, Task<bool>> mayClaim, CancellationToken cancellationToken) =>
        _pipeline.DrainAsync(WorkSource.Operation(operationId), mayClaim, cancellationToken);

    /// <summary>Retries one record a manual retry operation queued, alone: the operation's canary.</summary>
    public Task<BatchResult> RetryQueuedRecordAsync(Guid operationId, long recordId, CancellationToken cancellationToken) =>
        _pipeline.RunOnceAsync(WorkSource.Canary(operationId, recordId), cancellationToken);

    /// <summary>
    /// Delivers the records a run has staged (pending, tagged with the run, no due time, so the background delivery leaves
    /// them to the run) until none is left. Results are recorded like any other attempt.
    /// </summary>
    public Task<BatchResult> DeliverRunAsync(long runId, CancellationToken cancellationToken) => _pipeline.DrainAsync(WorkSource.Run(runId), null, cancellationToken);

    /// <summary>
    /// Delivers one record an operator has just edited, now and as a manual retry (it counts as a retry). If the
    /// background delivery takes it first, or a breaker holds it, it goes out with the next delivery batch instead.
    /// </summary>
    public Task<BatchResult> DeliverEditedAsync(long recordId, CancellationToken cancellationToken) =>
        _pipeline.RunOnceAsync(WorkSource.Edited(recordId), cancellationToken);

    /// <summary>
    /// Delivers a record waiting for duplicate review the way the administrator decided, with the same claim and sync log
    /// as every other attempt.
    /// </summary>
    /// <returns>True when delivered, false when it failed, null when the record was not waiting for review or is busy.</returns>
    public async Task<bool?> DeliverReviewedAsync(long recordId, ReviewDecision decision, CancellationToken cancellationToken)
    {
        var result = await _pipeline.RunOnceAsync(WorkSource.Reviewed(recordId, decision), cancellationToken);
        return result.Succeeded > 0 ? true : result.Failed > 0 ? false : null;
    }
}
