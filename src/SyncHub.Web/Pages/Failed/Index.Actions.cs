using Htmx;
using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

// The POST handlers; [OperatorActions] refuses them to viewers before they run.
public sealed partial class IndexModel
{
    /// <summary>Retries the picked records now: Retry Selected on the Failed tab, Retry on a dead-letter row.</summary>
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
            var result = await operations.RunNowAsync(RetryScope.Selected(selected), Actor, cancellationToken);
            message = RetryMessage(result, selected.Length, FailedTabs.Normalize(Tab) == FailedTabs.DeadLetter);
        }

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

        // Retry All takes exactly the records the filtered list shows (all its pages), search included.
        var errorClass = SelectedErrorClass;
        var filters = Filters;
        var operation = await operations.StartInBackgroundAsync(RetryScope.Filtered(filters.ToFilter(integrationId, errorClass)), Actor, cancellationToken);
        if (Request.IsHtmx())
        {
            return Partial("Partials/_OperationProgress", await ProgressViewAsync(operation, null, cancellationToken));
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
        var result = await operations.CancelAsync(id, Actor, cancellationToken);
        if (result.Operation is not { } operation)
        {
            return NotFound();
        }

        if (Request.IsHtmx())
        {
            var refreshed = await LoadAsync(null, cancellationToken) with { OutOfBand = true, StandAlone = true };
            return Partial("Partials/_OperationProgress", await ProgressViewAsync(operation, refreshed, cancellationToken));
        }

        return RedirectToPage(new { integration = Integration, operation = operation.Id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(long[] ids, CancellationToken cancellationToken)
    {
        var result = await actions.ArchiveAsync(ids.Length == 0 ? null : ids, Actor, null, cancellationToken);
        var message = result.IsValid
            ? $"Archived {result.Changed.Count} of {ids.Distinct().Count()} selected. Find them on the Archived tab."
            : "Select at least one record to archive.";
        return ListResult(await LoadAsync(message, cancellationToken));
    }

    public async Task<IActionResult> OnPostDismissAsync(long[] ids, string? reason, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.DeadLetter;
        var result = await actions.DismissAsync(ids, reason, Actor, null, cancellationToken);
        var message = result.IsValid
            ? result.Changed.Count == 0
                ? "Nothing was dismissed: the record has left the dead-letter queue."
                : $"Dismissed {Records(result.Changed.Count)}; it will not be retried automatically. Reason: {reason!.Trim()}"
            : Describe(result.Errors!) + " Nothing was dismissed.";
        return ListResult(await LoadAsync(message, cancellationToken));
    }

    public async Task<IActionResult> OnPostRestoreAsync(long[] ids, CancellationToken cancellationToken)
    {
        Tab = FailedTabs.Archived;
        var result = await actions.RestoreAsync(ids.Length == 0 ? null : ids, Actor, null, cancellationToken);
        var message = result.IsValid
            ? $"Restored {Records(result.Changed.Count)}; back in the list of its status."
            : "Select a record to restore.";
        return ListResult(await LoadAsync(message, cancellationToken));
    }

    private static string RetryMessage(RetryOperation result, int selected, bool deadLetters)
    {
        var message = $"Retried {result.Total} of {selected} selected: {result.Succeeded} delivered, {result.Failed} failed again.";
        if (deadLetters && result.Failed > 0)
        {
            message += " Records that failed again stay in the dead-letter queue.";
        }

        if (result.Status == OperationStatus.Stopped && result.Message is { } why)
        {
            return message + " " + why;
        }

        if (result.Status == OperationStatus.Running)
        {
            message += " The rest wait for a connection breaker and are retried in the background when it lets them through.";
        }

        return result.Total < selected
            ? message + " The others were no longer in the queue or were already being retried."
            : message;
    }

    private static string Records(int count) => count == 1 ? "1 record" : $"{count} records";

    // "Reason is required.": the message names the field the way the form labels it.
    private static string Describe(FieldErrors errors) => string.Join(
        " ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]} {m}")));
}
