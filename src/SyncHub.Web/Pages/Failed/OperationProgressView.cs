using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// A running or finished Retry All operation; when finished it carries the refreshed list. <paramref name="WaitingUntil"/>
/// is set while it waits for an open connection breaker.
/// </summary>
public sealed record OperationProgressView(RetryOperation Operation, FailedListView? RefreshedList, DateTimeOffset? WaitingUntil = null)
{
    public int Done => Operation.Succeeded + Operation.Failed;

    public bool Finished => Operation.Status == OperationStatus.Completed;
}
