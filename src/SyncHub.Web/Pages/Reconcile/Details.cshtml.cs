using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>
/// One reconciliation: its counts (polling while it compares, bringing the differences and the resync panel out of band
/// when it ends), its differences a page at a time, and "Resync missing and different" with a progress panel that polls.
/// </summary>
[OperatorActions]
public sealed class DetailsModel(ReconcileQuery query, ReconcileService reconciliations, ResyncService resyncs) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public ReconcileRow Row { get; private set; } = null!;

    public DifferenceListView Differences { get; private set; } = null!;

    public ResyncPanelView Resync { get; private set; } = null!;

    /// <summary>Set on a summary poll that saw the comparison end: the differences and the resync panel follow out of band.</summary>
    public bool Ended { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, null, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetSummaryAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        Ended = Row.Run.Status != ReconcileStatus.Running;
        return Partial("Partials/_SummaryPoll", this);
    }

    public async Task<IActionResult> OnGetDifferencesAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, null, cancellationToken) ? Partial("Partials/_Differences", Differences) : NotFound();

    public async Task<IActionResult> OnGetResyncProgressAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, null, cancellationToken) ? Partial("Partials/_ResyncPanel", Resync) : NotFound();

    public async Task<IActionResult> OnPostResyncAsync(long id, CancellationToken cancellationToken)
    {
        var result = await resyncs.StartAsync(id, Actor, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!Request.IsHtmx() && result.Started)
        {
            return RedirectToPage(new { id });
        }

        await LoadAsync(id, result.Conflict, cancellationToken);
        return Request.IsHtmx() ? Partial("Partials/_ResyncPanel", Resync) : Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        var cancelled = await reconciliations.CancelAsync(id, Actor, cancellationToken);
        if (!await LoadAsync(id, cancelled ? "Cancel requested: it stops at its next step." : "Nothing to cancel: it has already ended.", cancellationToken))
        {
            return NotFound();
        }

        if (!Request.IsHtmx())
        {
            return RedirectToPage(new { id });
        }

        return Row.Run.Status == ReconcileStatus.Running ? Partial("Partials/_Summary", this) : Partial("Partials/_ResyncPanel", Resync);
    }

    private string Actor => User.ToActor().Name;

    private async Task<bool> LoadAsync(long id, string? message, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is not { } row)
        {
            return false;
        }

        Row = row;
        var kind = ReconcileDisplay.ParseKind(Kind);
        var page = row.Run.Status == ReconcileStatus.Completed
            ? await query.DifferencesAsync(id, kind, After, PageSize + 1, cancellationToken)
            : [];
        Differences = new DifferenceListView(row.Run, kind, [.. page.Take(PageSize)], page.Count > PageSize ? page[PageSize - 1].Id : null);
        Resync = new ResyncPanelView(row.Run, row.IntegrationSlug, await query.ProgressAsync(row.Run, cancellationToken), await query.ResyncableCountAsync(id, cancellationToken), message);
        return true;
    }
}
