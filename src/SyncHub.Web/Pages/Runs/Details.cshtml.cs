using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Queries;
using SyncHub.Core.Runs;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Runs;

/// <summary>
/// One run: status, trigger, mode, counts and breakdown, its note, its error log, and Cancel while it runs.
/// While it runs the summary polls, and each poll brings the error log along out of band.
/// </summary>
[OperatorActions]
public sealed class DetailsModel(RunsQuery runs, RunService runService) : PageModel
{
    public const int LogSize = 200;

    public RunRow Row { get; private set; } = null!;

    public IReadOnlyList<RunLogEntry> Log { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetSummaryAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("Partials/_RunProgress", this) : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        await runService.CancelAsync(id, User.ToActor().Name, cancellationToken);
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Request.IsHtmx() ? Partial("Partials/_RunProgress", this) : RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await runs.FindAsync(id, cancellationToken) is not { } row)
        {
            return false;
        }

        Row = row;
        Log = await runs.ErrorLogAsync(id, LogSize, cancellationToken);
        return true;
    }
}
