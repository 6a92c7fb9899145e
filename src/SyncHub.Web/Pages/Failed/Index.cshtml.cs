using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Integrations;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Web.Security;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>The failed queue: inspect, select, Retry Selected, Retry All Failed.</summary>
[OperatorActions]
public sealed class IndexModel(
    FailedRecordsQuery failed,
    IntegrationService integrations,
    IntegrationStatusQuery status,
    RecordDetailsQuery details,
    RetryOperationService operations,
    OperationBreakerWait breakerWait,
    TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Integration { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>A Retry All started without JavaScript: the page shows its progress.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Operation { get; set; }

    public FailedListView List { get; private set; } = null!;

    public OperationProgressView? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await LoadAsync(null, cancellationToken);
        if (Operation is { } id && await operations.FindAsync(id, cancellationToken) is { } operation)
        {
            Progress = new OperationProgressView(operation, null, breakerWait.WaitingUntil(id));
        }

        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_FailedList", await LoadAsync(null, cancellationToken));

    public async Task<IActionResult> OnGetDetailsAsync(long id, CancellationToken cancellationToken)
    {
        var record = await details.FindAsync(id, cancellationToken);
        return record is null ? NotFound() : Partial("Partials/_RecordDetails", record);
    }

    public async Task<IActionResult> OnPostRetrySelectedAsync(long[] ids, CancellationToken cancellationToken)
    {
        string message;
        if (ids.Length == 0)
        {
            message = "Select at least one record to retry.";
        }
        else
        {
            var selected = ids.Distinct().Take(FailedRecordsQuery.MaxPageSize).ToArray();
            var result = await operations.RunNowAsync(RetryScope.Selected(selected), cancellationToken);
            message = RetryMessage(result, selected.Length);
        }

        var list = await LoadAsync(message, cancellationToken);
        return Request.IsHtmx() ? Partial("Partials/_FailedList", list) : Page(list);
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationIdAsync(cancellationToken);
        if (Integration is not null && integrationId is null)
        {
            // A stale or hand-made link must not widen "retry all of X" into "retry everything".
            var list = await LoadAsync($"There is no integration '{Integration}'; nothing was retried.", cancellationToken);
            return Request.IsHtmx() ? Partial("Partials/_FailedList", list) : Page(list);
        }

        var operation = await operations.StartInBackgroundAsync(RetryScope.All(integrationId), cancellationToken);
        if (Request.IsHtmx())
        {
            return Partial("Partials/_OperationProgress", new OperationProgressView(operation, null));
        }

        return RedirectToPage(new { integration = Integration, operation = operation.Id });
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var operation = await operations.FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        var refreshed = operation.Status == OperationStatus.Completed
            ? await LoadAsync(null, cancellationToken) with { OutOfBand = true }
            : null;
        return Partial("Partials/_OperationProgress", new OperationProgressView(operation, refreshed, breakerWait.WaitingUntil(id)));
    }

    private PageResult Page(FailedListView list)
    {
        List = list;
        return Page();
    }

    private static string RetryMessage(RetryOperation result, int selected)
    {
        var message = $"Retried {result.Total} of {selected} selected: {result.Succeeded} delivered, {result.Failed} failed again.";
        if (result.Status == OperationStatus.Running)
        {
            message += " The rest wait for a connection breaker and are retried in the background when it lets them through.";
        }

        return result.Total < selected
            ? message + " The others were no longer in the failed queue or were already being retried."
            : message;
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

        var page = await failed.PageAsync(selected?.Id, Before, PageSize, cancellationToken);
        var counts = selected is null
            ? await status.TotalsAsync(cancellationToken)
            : (await status.FindAsync(selected.Slug, cancellationToken))!.Counts;
        return new FailedListView(page, all, Integration, Before, counts, time.GetUtcNow(), message);
    }
}
