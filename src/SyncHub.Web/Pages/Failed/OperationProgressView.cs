using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>A running or finished Retry All operation; when finished it carries the refreshed list.</summary>
public sealed record OperationProgressView(RetryOperation Operation, FailedListView? RefreshedList)
{
    public int Done => Operation.Succeeded + Operation.Failed;

    public bool Finished => Operation.Status == OperationStatus.Completed;
}
