using SyncHub.Core.Operations;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>The progress panel of a retry operation: its counts, a breaker it waits for and, once ended, how many others failed.</summary>
public sealed class OperationProgressLoader(RetryOperationService operations, OperationBreakerWait breakerWait, TimeProvider time)
{
    public Task<RetryOperation?> FindAsync(Guid id, CancellationToken cancellationToken) => operations.FindAsync(id, cancellationToken);

    public async Task<OperationProgressView> ViewAsync(RetryOperation operation, FailedListView? refreshed, CancellationToken cancellationToken)
    {
        var others = operation.Status == OperationStatus.Running ? 0 : await operations.CountOthersFailedAsync(operation, cancellationToken);
        return new OperationProgressView(operation, refreshed, breakerWait.WaitingUntil(operation.Id), time.GetUtcNow(), others);
    }
}
