using Htmx;
using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Failures;

namespace SyncHub.Web.Pages.Records;

public sealed partial class IndexModel
{
    /// <summary>The editor's text after a refused or validated post (null: the record's current payload).</summary>
    public string? EditText { get; private set; }

    /// <summary>Why the edited payload was refused, next to the editor.</summary>
    public string? EditProblem { get; private set; }

    /// <summary>After Validate: what saving would change.</summary>
    public IReadOnlyList<string>? EditChanges { get; private set; }

    /// <summary>Validate (<paramref name="validateOnly"/>) or save the edited payload and retry the record at once.</summary>
    public async Task<IActionResult> OnPostEditRetryAsync(long id, string? payload, int? version, bool validateOnly, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (validateOnly)
        {
            var preview = EditAndRetryService.Preview(Details.Record.Payload, payload);
            EditText = payload;
            EditProblem = preview.IsValid ? null : "The payload " + preview.Problem;
            EditChanges = preview.IsValid ? preview.Changes : null;
            return Fragment();
        }

        var actor = User.Identity?.Name ?? "unknown user";
        var result = await edits.EditAndRetryAsync(new EditAndRetryRequest(id, payload, actor) { ExpectedVersion = version }, cancellationToken);
        if (result.Outcome == EditAndRetryOutcome.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        switch (result.Outcome)
        {
            case EditAndRetryOutcome.Invalid:
                EditText = payload;
                EditProblem = "The payload " + result.Errors!.ToDictionary()[EditAndRetryService.PayloadField][0];
                break;
            case EditAndRetryOutcome.Conflict:
                EditText = payload;
                EditProblem = result.Message;
                Message = result.Message;
                break;
            default:
                Message = result.Message;
                break;
        }

        return Fragment();
    }

    // The security headers middleware adds Vary: HX-Request to every response.
    private IActionResult Fragment() => Request.IsHtmx() ? Partial("Partials/_RecordBody", this) : Page();
}
