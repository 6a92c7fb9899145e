using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Integrations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// Reads one tab of the failed page: its page of records (or failure groups), the integrations to pick from and the tab
/// counts. An integration the list does not know, an unknown tab or group queue fall back to the defaults the view carries.
/// </summary>
public sealed class FailedListLoader(
    FailedRecordsQuery failed, IntegrationService integrations, IntegrationStatusQuery status, FailureGroupsQuery groups, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task<FailedListView> LoadAsync(FailedListRequest request, string? message, CancellationToken cancellationToken)
    {
        var all = await integrations.ListAsync(cancellationToken);
        var selected = all.FirstOrDefault(i => i.Slug == request.Integration);
        var tab = FailedTabs.Normalize(request.Tab);
        var filter = request.Filters.ToFilter(selected?.Id, request.ErrorClass);
        var page = tab switch
        {
            FailedTabs.DeadLetter => await failed.PageAsync(RecordStatus.DeadLetter, filter, request.Before, PageSize, cancellationToken),
            FailedTabs.ByStatus => await failed.PageAsync(ListedStatuses.Parse(request.StatusFilter), filter, request.Before, PageSize, cancellationToken),
            FailedTabs.Archived => await failed.ArchivedPageAsync(selected?.Id, request.Before, PageSize, cancellationToken),
            FailedTabs.Groups => new FailedRecordPage([], null),
            _ => await failed.PageAsync(RecordStatus.Failed, filter, request.Before, PageSize, cancellationToken),
        };
        var queue = request.Queue == FailedTabs.DeadLetter ? FailedTabs.DeadLetter : FailedTabs.Failed;
        var failureGroups = tab == FailedTabs.Groups ? await groups.ListAsync(selected?.Id, GroupQueueOf(request.Queue), cancellationToken) : null;
        var counts = await status.CountsAsync(selected?.Id, cancellationToken);
        return new FailedListView(
            page, all, selected?.Slug, request.Before, counts, time.GetUtcNow(), message, Tab: tab, ErrorClass: request.ErrorClass, Filters: request.Filters,
            Groups: failureGroups, GroupQueue: queue, ListedStatus: ListedStatuses.Parse(request.StatusFilter));
    }

    /// <summary>The groups tab's queue: the dead letters when asked for, the failed queue otherwise.</summary>
    public static RecordStatus GroupQueueOf(string? queue) => queue == FailedTabs.DeadLetter ? RecordStatus.DeadLetter : RecordStatus.Failed;
}
