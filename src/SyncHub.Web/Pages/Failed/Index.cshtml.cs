using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Integrations;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Web.Security;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// The records that need a person, in tabs: Failed (Retry Selected, Retry All, Archive Selected), Dead letter
/// (Retry, Dismiss with a reason), Skipped and other statuses (every other status, one at a time), Archived (Restore)
/// and Failure groups. Every tab also works as a plain page: /failed?tab=dead-letter.
/// </summary>
[OperatorActions]
public sealed partial class IndexModel(
    FailedRecordsQuery failed,
    IntegrationService integrations,
    IntegrationStatusQuery status,
    RecordDetailsQuery details,
    RetryOperationService operations,
    OperationBreakerWait breakerWait,
    RecordActionService actions,
    FailureGroupsQuery groups,
    TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Integration { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>The Failed tab's error-class filter (for example Authentication); Retry All takes the same scope.</summary>
    [BindProperty(SupportsGet = true, Name = "errorClass")]
    public string? ErrorClassFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinRetries { get; set; }

    /// <summary>Last failed from this UTC day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last failed up to and including this UTC day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The search box: source id, external id, error message or payload text.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>One failure group's fingerprint ("View records" on the groups tab).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    /// <summary>The groups tab's queue: the failed queue, or <c>dead-letter</c> for the dead letters grouped by cause.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Queue { get; set; }

    /// <summary>The status the "Skipped and other statuses" tab lists (<c>skipped</c> unless told).</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    /// <summary>A Retry All started without JavaScript: the page shows its progress.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Operation { get; set; }

    public FailedListView List { get; private set; } = null!;

    public OperationProgressView? Progress { get; private set; }

    /// <summary>Who the audit log names for this request's actions.</summary>
    private string Actor => User.Identity?.Name ?? "unknown user";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await LoadAsync(null, cancellationToken);
        if (Operation is { } id && await operations.FindAsync(id, cancellationToken) is { } operation)
        {
            Progress = await ProgressViewAsync(operation, null, cancellationToken);
        }

        return Page();
    }

    /// <summary>One tab's list (the pager).</summary>
    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken) =>
        ListResult(await LoadAsync(null, cancellationToken));

    /// <summary>The filter, the tabs and the active tab's list (switching tabs, changing the filter).</summary>
    public async Task<IActionResult> OnGetTabsAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_Tabs", await LoadAsync(null, cancellationToken));

    public async Task<IActionResult> OnGetDetailsAsync(long id, CancellationToken cancellationToken)
    {
        var record = await details.FindAsync(id, cancellationToken);
        return record is null ? NotFound() : Partial("Partials/_RecordDetails", record);
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var operation = await operations.FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        var refreshed = operation.Status != OperationStatus.Running
            ? await LoadAsync(null, cancellationToken) with { OutOfBand = true, StandAlone = true }
            : null;
        return Partial("Partials/_OperationProgress", await ProgressViewAsync(operation, refreshed, cancellationToken));
    }

    private async Task<OperationProgressView> ProgressViewAsync(RetryOperation operation, FailedListView? refreshed, CancellationToken cancellationToken)
    {
        var others = operation.Status == OperationStatus.Running ? 0 : await operations.CountOthersFailedAsync(operation, cancellationToken);
        return new OperationProgressView(operation, refreshed, breakerWait.WaitingUntil(operation.Id), time.GetUtcNow(), others);
    }

    /// <summary>The error-class filter as a class; an unknown value filters nothing.</summary>
    private ErrorClass? SelectedErrorClass =>
        Enum.TryParse<ErrorClass>(ErrorClassFilter, ignoreCase: true, out var parsed) && parsed != ErrorClass.None && Enum.IsDefined(parsed) ? parsed : null;

    private RecordStatus GroupQueue => Queue == FailedTabs.DeadLetter ? RecordStatus.DeadLetter : RecordStatus.Failed;

    private FailedFilters Filters => FailedFilters.Parse(EntityType, MinRetries, From, To, Q, Group);

    /// <summary>htmx gets the list with the tab counts out of band; a plain post gets the whole page.</summary>
    private IActionResult ListResult(FailedListView list)
    {
        if (Request.IsHtmx())
        {
            return Partial(list.PartialName, list with { StandAlone = true });
        }

        List = list;
        return Page();
    }

    private async Task<int?> IntegrationIdAsync(CancellationToken cancellationToken) =>
        Integration is null ? null : (await integrations.FindAsync(Integration, cancellationToken))?.Id;

    private async Task<FailedListView> LoadAsync(string? message, CancellationToken cancellationToken)
    {
        var all = await integrations.ListAsync(cancellationToken);
        var selected = all.FirstOrDefault(i => i.Slug == Integration);
        if (selected is null)
        {
            Integration = null;
        }

        Tab = FailedTabs.Normalize(Tab);
        var filter = Filters.ToFilter(selected?.Id, SelectedErrorClass);
        var page = Tab switch
        {
            FailedTabs.DeadLetter => await failed.PageAsync(RecordStatus.DeadLetter, filter, Before, PageSize, cancellationToken),
            FailedTabs.ByStatus => await failed.PageAsync(ListedStatuses.Parse(StatusFilter), filter, Before, PageSize, cancellationToken),
            FailedTabs.Archived => await failed.ArchivedPageAsync(selected?.Id, Before, PageSize, cancellationToken),
            FailedTabs.Groups => new FailedRecordPage([], null),
            _ => await failed.PageAsync(RecordStatus.Failed, filter, Before, PageSize, cancellationToken),
        };
        Queue = Queue == FailedTabs.DeadLetter ? FailedTabs.DeadLetter : FailedTabs.Failed;
        var failureGroups = Tab == FailedTabs.Groups ? await groups.ListAsync(selected?.Id, GroupQueue, cancellationToken) : null;
        var counts = await status.CountsAsync(selected?.Id, cancellationToken);
        return new FailedListView(
            page, all, Integration, Before, counts, time.GetUtcNow(), message, Tab: Tab, ErrorClass: SelectedErrorClass, Filters: Filters, Groups: failureGroups, GroupQueue: Queue,
            ListedStatus: ListedStatuses.Parse(StatusFilter));
    }
}
