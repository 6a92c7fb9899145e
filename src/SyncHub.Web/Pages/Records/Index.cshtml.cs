using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Queries;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Records;

/// <summary>One record: payload, every attempt in order and the lineage between them, its history of changes, and edit-and-retry.</summary>
[OperatorActions]
public sealed class IndexModel(RecordDetailsQuery details, RecordRetry retry, RecordEditor editor, TimeProvider time) : PageModel
{
    public RecordDetails Details { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public string? Message { get; private set; }

    public RecordEditState Edit { get; private set; } = RecordEditState.Untouched;

    /// <summary>The editor's text after a refused or validated post (null: the record's current payload).</summary>
    public string? EditText => Edit.Text;

    /// <summary>Why the edited payload was refused, next to the editor.</summary>
    public string? EditProblem => Edit.Problem;

    /// <summary>After Validate: what saving would change.</summary>
    public IReadOnlyList<string>? EditChanges => Edit.Changes;

    /// <summary>The page, or (htmx) its body alone: the body refreshes itself while the record is on its way.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        !await LoadAsync(id, cancellationToken) ? NotFound() : Fragment();

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await retry.RetryAsync(id, User.ToActor(), cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Message = message;
        return Fragment();
    }

    /// <summary>Validate (<paramref name="validateOnly"/>) or save the edited payload and retry the record at once.</summary>
    public async Task<IActionResult> OnPostEditRetryAsync(long id, string? payload, int? version, bool validateOnly, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (validateOnly)
        {
            Edit = RecordEditor.Validate(Details.Record.Payload, payload);
            return Fragment();
        }

        var edited = await editor.SaveAsync(id, payload, version, User.ToActor(), cancellationToken);
        if (edited is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Edit = edited;
        Message = edited.Message;
        return Fragment();
    }

    // The security headers middleware adds Vary: HX-Request to every response.
    private IActionResult Fragment() => Request.IsHtmx() ? Partial("Partials/_RecordBody", this) : Page();

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
