using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Manual retries as server-side operations, the entry point the pages, the API and the workers use. Starting one
/// marks its records (<see cref="RetryOperationStarter"/>); running it claims and retries them batch by batch, the
/// first record (the canary) alone (<see cref="RetryOperationRunner"/>). Queued records are skipped by the automatic
/// retry job: a manual retry takes precedence.
/// </summary>
public sealed class RetryOperationService(
    RetryOperationStarter starter, RetryOperationRunner runner, OperationCanceller canceller, OperationOwnership ownership,
    OthersFailedQuery othersFailed, RetryOperationLookup lookup, IOperationQueue queue)
{
    /// <summary>Starts an operation and runs it in the background; returns at once.</summary>
    public Task<RetryOperation> StartInBackgroundAsync(RetryScope scope, CancellationToken cancellationToken) =>
        StartInBackgroundAsync(scope, null, cancellationToken);

    /// <summary>As <see cref="StartInBackgroundAsync(RetryScope, CancellationToken)"/>; a named actor is written to the audit log.</summary>
    public async Task<RetryOperation> StartInBackgroundAsync(RetryScope scope, string? actor, CancellationToken cancellationToken)
    {
        var operation = await starter.StartAsync(scope, actor, cancellationToken);
        if (operation.Status == OperationStatus.Running)
        {
            await queue.EnqueueAsync(operation.Id, cancellationToken);
        }

        return operation;
    }

    /// <summary>Starts an operation and runs it to the end before returning (for a handful of selected records).</summary>
    public Task<RetryOperation> RunNowAsync(RetryScope scope, CancellationToken cancellationToken) =>
        RunNowAsync(scope, null, cancellationToken);

    /// <summary>As <see cref="RunNowAsync(RetryScope, CancellationToken)"/>; a named actor is written to the audit log.</summary>
    public async Task<RetryOperation> RunNowAsync(RetryScope scope, string? actor, CancellationToken cancellationToken)
    {
        var operation = await starter.StartAsync(scope, actor, cancellationToken);
        return operation.Status == OperationStatus.Running ? await runner.RunAsync(operation.Id, waitForBreakers: false, cancellationToken) : operation;
    }

    public Task<RetryOperation> StartAsync(RetryScope scope, CancellationToken cancellationToken) =>
        starter.StartAsync(scope, null, cancellationToken);

    /// <summary>Marks the operation's records; with an actor, the audit entries commit with the marking.</summary>
    public Task<RetryOperation> StartAsync(RetryScope scope, string? actor, CancellationToken cancellationToken) =>
        starter.StartAsync(scope, actor, cancellationToken);

    /// <summary>
    /// Runs the operation to the end (see <see cref="RetryOperationRunner"/>). Without <paramref name="waitForBreakers"/>,
    /// records behind an open breaker are handed to the background worker and the operation is returned still running.
    /// </summary>
    public Task<RetryOperation> RunAsync(Guid operationId, CancellationToken cancellationToken, bool waitForBreakers = true) =>
        runner.RunAsync(operationId, waitForBreakers, cancellationToken);

    /// <inheritdoc cref="OperationCanceller"/>
    public Task<OperationCancelResult> CancelAsync(Guid operationId, string actor, CancellationToken cancellationToken) =>
        canceller.CancelAsync(operationId, actor, cancellationToken);

    /// <inheritdoc cref="OthersFailedQuery"/>
    public Task<int> CountOthersFailedAsync(RetryOperation operation, CancellationToken cancellationToken) =>
        othersFailed.CountAsync(operation, cancellationToken);

    /// <summary>
    /// At start-up: takes over the operations a stopped process left running (this node's own, unowned ones, and those
    /// of nodes whose lease ran out) for the worker to resume. A live node's operations stay with it.
    /// </summary>
    public Task<List<Guid>> TakeOverUnfinishedAsync(CancellationToken cancellationToken) => ownership.TakeOverAsync(includeOwn: true, cancellationToken);

    /// <summary>While this node runs (with its heartbeat): takes over only the operations of nodes whose lease ran out.</summary>
    public Task<List<Guid>> TakeOverAbandonedAsync(CancellationToken cancellationToken) => ownership.TakeOverAsync(includeOwn: false, cancellationToken);

    public Task<RetryOperation?> FindAsync(Guid operationId, CancellationToken cancellationToken) => lookup.FindAsync(operationId, cancellationToken);
}
