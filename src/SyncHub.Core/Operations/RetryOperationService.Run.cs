using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

public sealed partial class RetryOperationService
{
    /// <summary>
    /// Retries the operation's queued records until none are left: the canary first, alone, then batch by batch. Safe to
    /// call again after a restart; an operation that was stopped or cancelled is only tidied up, never resumed, and one a
    /// live node owns is left to it. Records behind an open connection breaker are waited for, or, without
    /// <paramref name="waitForBreakers"/>, handed to the background worker (the operation is returned still running).
    /// </summary>
    public async Task<RetryOperation> RunAsync(Guid operationId, CancellationToken cancellationToken, bool waitForBreakers = true)
    {
        var operation = await FindAsync(operationId, cancellationToken)
            ?? throw new InvalidOperationException($"No retry operation has the id {operationId}.");

        // One driver at a time: a live node's operation is left to that node.
        if (operation.Status == OperationStatus.Running && !await TryTakeAsync(operationId, cancellationToken))
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
            var (status, mine) = await OwnershipAsync(operationId, cancellationToken);
            if (status != OperationStatus.Running)
            {
                return await TidyEndedAsync(operationId, cancellationToken);
            }

            if (!mine)
            {
                LogTakenOverElsewhere(operationId);
                return (await FindAsync(operationId, cancellationToken))!;
            }

            // Results, the canary's included, add to the operation's progress as they are written.
            var canary = await RunCanaryAsync(operation, cancellationToken);
            if (canary.Failure is { } failure)
            {
                return await StopAsync(operationId, failure, cancellationToken);
            }

            var batch = canary.Tried ? canary.Batch : await orchestrator.DrainQueuedAsync(operationId, token => StillMineAsync(operationId, token), cancellationToken);
            if (batch.Attempted == 0)
            {
                var next = await WaitAsync(operationId, waitForBreakers, lease.Token, cancellationToken);
                if (next == OperationWaitResult.Blocked)
                {
                    await queue.EnqueueAsync(operationId, cancellationToken);
                    return (await FindAsync(operationId, cancellationToken))!;
                }

                // A breaker that closed between the claim and the check gets one more claim, not an endless loop.
                if (next == OperationWaitResult.Waited || (next == OperationWaitResult.ClaimAgain && !claimedAgain))
                {
                    claimedAgain = next == OperationWaitResult.ClaimAgain;
                    continue;
                }

                break;
            }

            claimedAgain = false;
        }

        return await CompleteAsync(operationId, cancellationToken);
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

    /// <summary>Checked before each batch is claimed: a cancel, or a node that took the operation over, stops the claims.</summary>
    private async Task<bool> StillMineAsync(Guid operationId, CancellationToken cancellationToken)
    {
        var (status, mine) = await OwnershipAsync(operationId, cancellationToken);
        return status == OperationStatus.Running && mine;
    }
}
