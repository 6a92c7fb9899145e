using Microsoft.Extensions.Logging;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Drives a retry operation until its queue is empty: the canary first, alone, then batch by batch. Safe to call again
/// after a restart; an operation that was stopped or cancelled is only tidied up, never resumed, and one a live node
/// owns is left to it. Records behind an open connection breaker are waited for, or handed to the background worker.
/// </summary>
public sealed partial class RetryOperationRunner(
    RetryOperationLookup lookup, OperationOwnership ownership, OperationBatches batches, OperationEnding ending,
    OperationBreakerWait breakerWait, OperationCancellations cancellations, IOperationQueue queue, ILogger<RetryOperationRunner> logger)
{
    public async Task<RetryOperation> RunAsync(Guid operationId, bool waitForBreakers, CancellationToken cancellationToken)
    {
        var operation = await lookup.FindAsync(operationId, cancellationToken)
            ?? throw new InvalidOperationException($"No retry operation has the id {operationId}.");

        // One driver at a time: a live node's operation is left to that node.
        if (operation.Status == OperationStatus.Running && !await ownership.TryTakeAsync(operationId, cancellationToken))
        {
            LogOwnedElsewhere(operationId, operation.OwnerNode);
            return operation;
        }

        using var lease = cancellations.Register(operationId);
        var claimedAgain = false;
        while (true)
        {
            // Checked between batches: a cancel stops the operation after the batch in flight, and a node that took the
            // operation over (this one's lease ran out) drives it from the next batch on.
            var (status, mine) = await ownership.StateAsync(operationId, cancellationToken);
            if (status != OperationStatus.Running)
            {
                return await ending.TidyAsync(operationId, cancellationToken);
            }

            if (!mine)
            {
                LogTakenOverElsewhere(operationId);
                return await lookup.GetAsync(operationId, cancellationToken);
            }

            var next = await batches.NextAsync(operation, cancellationToken);
            if (next.CanaryFailure is { } failure)
            {
                return await ending.StopAsync(operationId, failure, cancellationToken);
            }

            if (next.Batch.Attempted == 0)
            {
                var waited = await WaitAsync(operationId, waitForBreakers, lease.Token, cancellationToken);
                if (waited == OperationWaitResult.Blocked)
                {
                    await queue.EnqueueAsync(operationId, cancellationToken);
                    return await lookup.GetAsync(operationId, cancellationToken);
                }

                // A breaker that closed between the claim and the check gets one more claim, not an endless loop.
                if (waited == OperationWaitResult.Waited || (waited == OperationWaitResult.ClaimAgain && !claimedAgain))
                {
                    claimedAgain = waited == OperationWaitResult.ClaimAgain;
                    continue;
                }

                break;
            }

            claimedAgain = false;
        }

        return await ending.CompleteAsync(operationId, cancellationToken);
    }

    /// <summary>Waits out open breakers; a cancel wakes the wait so the operation ends at once.</summary>
    private async Task<OperationWaitResult> WaitAsync(Guid operationId, bool waitForBreakers, CancellationToken cancelled, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancelled);
        try
        {
            return await breakerWait.WaitIfBlockedAsync(operationId, waitForBreakers, linked.Token);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return OperationWaitResult.Waited;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} is driven by live node {OwnerNode}; left to it")]
    private partial void LogOwnedElsewhere(Guid operationId, string? ownerNode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retry operation {OperationId} was taken over by another node after this node's lease ran out; this node stops driving it")]
    private partial void LogTakenOverElsewhere(Guid operationId);
}
