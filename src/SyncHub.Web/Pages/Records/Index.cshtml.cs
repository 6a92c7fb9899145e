using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Records;

/// <summary>One record: payload, every attempt in order and the lineage between them, its history of changes, and edit-and-retry.</summary>
[OperatorActions]
public sealed partial class IndexModel(RecordDetailsQuery details, RetryOperationService operations, EditAndRetryService edits, TimeProvider time) : PageModel
{
    public RecordDetails Details { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The page, or (htmx) its body alone: the body refreshes itself while the record is on its way.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        !await LoadAsync(id, cancellationToken) ? NotFound() : Request.IsHtmx() ? Partial("Partials/_RecordBody", this) : Page();

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var result = await operations.RunNowAsync(RetryScope.Selected([id]), User.Identity?.Name ?? "unknown user", cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Message = result.Total == 0
            ? "This record is not in the failed or dead-letter queue, so there was nothing to retry."
            : result.Status == OperationStatus.Running ? "Queued: the connection breaker is open, so the retry waits and runs in the background once a probe gets through."
            : result.Succeeded == 1 ? "Retried: delivered." : "Retried: it failed again; the new error is at the bottom of the history.";
        return Request.IsHtmx() ? Partial("Partials/_RecordBody", this) : Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var found = await details.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Details = found;
        Now = time.GetUtcNow();
        return true;
    }
}
