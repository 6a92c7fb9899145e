using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Integrations;
using SyncHub.Core.Reconciliation;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>Reconciliations: the "Reconcile" form (operators) and the list, newest first, which polls while one runs.</summary>
[OperatorActions]
public sealed class IndexModel(ReconcileQuery query, IntegrationService integrations, ReconcileSupport support, ReconcileService reconciliations) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Integration { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty]
    public StartForm Start { get; set; } = new();

    public ReconcileListView List { get; private set; } = null!;

    /// <summary>Every integration with whether (and why not) it can be reconciled.</summary>
    public IReadOnlyList<ReconcileAccess> Access { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Start.Integration ??= Integration;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("Partials/_ReconcileList", List);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var integration = Start.Integration is { Length: > 0 } slug ? await integrations.FindAsync(slug, cancellationToken) : null;
        if (integration is null)
        {
            ModelState.AddModelError("Start.Integration", "Choose an integration to reconcile.");
        }

        if (Start.From is null)
        {
            ModelState.AddModelError("Start.From", "Enter the first day of the range.");
        }

        if (Start.To is null)
        {
            ModelState.AddModelError("Start.To", "Enter the last day of the range.");
        }
        else if (Start.From is { } first && Start.To < first)
        {
            ModelState.AddModelError("Start.To", "The last day must not be before the first day.");
        }

        if (ModelState.IsValid)
        {
            var from = new DateTimeOffset(Start.From!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var to = new DateTimeOffset(Start.To!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var result = await reconciliations.StartAsync(new ReconcileRequest(integration!.Id, from, to, User.ToActor().Name), cancellationToken);
            if (result.Started)
            {
                // Post/Redirect/Get: a reload of the run's page must not start another comparison.
                return RedirectToPage("Details", new { id = result.Run!.Id });
            }

            foreach (var (field, messages) in result.Errors?.ToDictionary() ?? [])
            {
                ModelState.AddModelError(field switch { "to" => "Start.To", "from" => "Start.From", _ => "Start.Integration" }, string.Join(" ", messages));
            }

            Message = result.Conflict;
        }

        Message ??= "The reconciliation was not started; see the messages in the form.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await integrations.ListAsync(cancellationToken);
        Access = [.. all.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).Select(support.Check)];
        var selected = Integration is null ? null : all.FirstOrDefault(i => i.Slug == Integration);
        var page = await query.PageAsync(selected?.Id, Before, PageSize + 1, cancellationToken);
        var next = page.Count > PageSize ? page[PageSize - 1].Run.Id : (long?)null;
        List = new ReconcileListView([.. page.Take(PageSize)], selected?.Slug, next);
    }
}
