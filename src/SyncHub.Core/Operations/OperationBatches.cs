using SyncHub.Core.Delivery;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// The next batch of an operation: the canary alone while it is queued, then the queued records batch by batch for as
/// long as the operation is still running and this node's. Results add to the operation's progress as they are written.
/// </summary>
public sealed class OperationBatches(OperationCanary canary, SyncOrchestrator orchestrator, OperationOwnership ownership)
{
    internal async Task<OperationBatch> NextAsync(RetryOperation operation, CancellationToken cancellationToken)
    {
        var tried = await canary.RunAsync(operation, cancellationToken);
        if (tried.Failure is { } failure)
        {
            return new OperationBatch(tried.Batch, failure);
        }

        var batch = tried.Tried
            ? tried.Batch
            : await orchestrator.DrainQueuedAsync(operation.Id, token => ownership.StillMineAsync(operation.Id, token), cancellationToken);
        return new OperationBatch(batch, null);
    }
}
