using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Connectors;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Integrations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// The records that need a person, in tabs: Failed (Retry Selected, Retry All, Archive Selected), Dead letter
/// (Retry, Dismiss with a reason), Skipped and other statuses (every other status, one at a time), Archived (Restore)
/// and Failure groups. Every tab also works as a plain page: /failed?tab=dead-letter. The POST handlers are refused to
/// viewers by [OperatorActions] before they run.
/// </summary>
[OperatorActions]
public sealed class IndexModel(
    FailedListLoader lists,
    OperationProgressLoader progress,
    FailedRetryActions retries,
    FailedRecordActions actions,
    RecordDetailsQuery details,
    IntegrationService integrations) : PageModel
{
    public const int PageSize = FailedListLoader.PageSize;

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

    /// <summary>The error-class filter as a class; an unknown value filters nothing.</summary>
    private ErrorClass? SelectedErrorClass =>
        Enum.TryParse<ErrorClass>(ErrorClassFilter, ignoreCase: true, out var parsed) && parsed != ErrorClass.None && Enum.IsDefined(parsed) ? parsed : null;

    private RecordStatus GroupQueue => FailedListLoader.GroupQueueOf(Queue);

    private FailedFilters Filters => FailedFilters.Parse(EntityType, MinRetries, From, To, Q, Group);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await LoadAsync(null, cancellationToken);
        if (Operation is { } id && await progress.FindAsync(id, cancellationToken) is { } operation)
        {
            Progress = await progress.ViewAsync(operation, null, cancellationToken);
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
        var operation = await progress.FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        var refreshed = operation.Status != OperationStatus.Running
            ? await LoadAsync(null, cancellationToken) with { OutOfBand = true, StandAlone = true }
            : null;
        return Partial("Partials/_OperationProgress", await progress.ViewAsync(operation, refreshed, cancellationToken));
    }

    /// <summary>Retries the picked records now: Retry Selected on the Failed tab, Retry on a dead-letter row.</summary>
    public async Task<IActionResult> OnPostRetrySelectedAsync(long[] ids, CancellationToken cancellationToken)
    {
        var message = await retries.RetrySelectedAsync(ids, FailedTabs.Normalize(Tab) == FailedTabs.DeadLetter, User.ToActor(), cancellationToken);
        return ListResult(await LoadAsync(message, cancellationToken));
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Failed;
        var integrationId = await IntegrationIdAsync(cancellationToken);
        if (Integration is not null && integrationId is null)
        {
            // A stale or hand-made link must not widen "retry all of X" into "retry everything".
            return ListResult(await LoadAsync($"There is no integration '{Integration}'; nothing was retried.", cancellationToken));
        }

        var errorClass = SelectedErrorClass;
        var filters = Filters;
        var operation = await retries.RetryAllAsync(filters.ToFilter(integrationId, errorClass), User.ToActor(), cancellationToken);
        if (Request.IsHtmx())
        {
            return Partial("Partials/_OperationProgress", await progress.ViewAsync(operation, null, cancellationToken));
        }

        return RedirectToPage(new
        {
            integration = Integration, errorClass = errorClass?.ToString(), entityType = filters.EntityType, minRetries = filters.MinRetries,
            from = FailedFilters.Day(filters.From) is { Length: > 0 } from ? from : null, to = FailedFilters.Day(filters.To) is { Length: > 0 } to ? to : null,
            q = filters.Search, group = filters.Group, operation = operation.Id,
        });
    }

    /// <summary>Cancel on the progress panel: stops after the batch in flight; a second click shows the ended panel.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await retries.CancelAsync(id, User.ToActor(), cancellationToken);
        if (result.Operation is not { } operation)
        {
            return NotFound();
        }

        if (Request.IsHtmx())
        {
            var refreshed = await LoadAsync(null, cancellationToken) with { OutOfBand = true, StandAlone = true };
            return Partial("Partials/_OperationProgress", await progress.ViewAsync(operation, refreshed, cancellationToken));
        }

        return RedirectToPage(new { integration = Integration, operation = operation.Id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(long[] ids, CancellationToken cancellationToken) =>
        ListResult(await LoadAsync(await actions.ArchiveAsync(ids, User.ToActor(), cancellationToken), cancellationToken));

    public async Task<IActionResult> OnPostDismissAsync(long[] ids, string? reason, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.DeadLetter;
        return ListResult(await LoadAsync(await actions.DismissAsync(ids, reason, User.ToActor(), cancellationToken), cancellationToken));
    }

    public async Task<IActionResult> OnPostRestoreAsync(long[] ids, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Archived;
        return ListResult(await LoadAsync(await actions.RestoreAsync(ids, User.ToActor(), cancellationToken), cancellationToken));
    }

    /// <summary>Retry group on the failure groups tab, on the failed queue or (queue=dead-letter) the dead letters.</summary>
    public async Task<IActionResult> OnPostRetryGroupAsync(string? group, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Groups;
        if (string.IsNullOrWhiteSpace(group) || group.Length > ErrorFingerprint.Length)
        {
            return ListResult(await LoadAsync("Pick a failure group to retry.", cancellationToken));
        }

        var operation = await retries.RetryGroupAsync(group, await IntegrationIdAsync(cancellationToken), GroupQueue, User.ToActor(), cancellationToken);
        if (Request.IsHtmx())
        {
            return Partial("Partials/_OperationProgress", await progress.ViewAsync(operation, null, cancellationToken));
        }

        return RedirectToPage(new { tab = FailedTabs.Groups, integration = Integration, queue = Queue, operation = operation.Id });
    }

    /// <summary>Dismiss group: every failed record (or dead letter) of the group, with one reason and one audit entry.</summary>
    public async Task<IActionResult> OnPostDismissGroupAsync(string? group, string? reason, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Groups;
        var message = await actions.DismissGroupAsync(group, reason, User.ToActor(), await IntegrationIdAsync(cancellationToken), GroupQueue, cancellationToken);
        return ListResult(await LoadAsync(message, cancellationToken));
    }

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

    /// <summary>Loads the tab and takes back what the loader normalized (an unknown integration, tab or queue).</summary>
    private async Task<FailedListView> LoadAsync(string? message, CancellationToken cancellationToken)
    {
        var list = await lists.LoadAsync(new FailedListRequest(Integration, Tab, Before, SelectedErrorClass, Filters, Queue, StatusFilter), message, cancellationToken);
        Integration = list.IntegrationSlug;
        Tab = list.Tab;
        Queue = list.GroupQueue;
        return list;
    }
}
