using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Runs;

/// <summary>Sync runs: the list, Sync Now, and the resync dialog (date range or full re-import).</summary>
[OperatorActions]
public sealed class IndexModel(
    RunsQuery runs, IntegrationService integrations, IConnectorCatalog catalog, RunService runService, RunScheduler scheduler) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Integration { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Set by the redirect after a form started a run, so a reload shows the news instead of starting another.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Started { get; set; }

    [BindProperty]
    public ResyncForm Resync { get; set; } = new();

    public RunListView List { get; private set; } = null!;

    /// <summary>Integrations whose connector can be read from.</summary>
    public IReadOnlyList<Integration> Sources { get; private set; } = [];

    public Integration? Selected { get; private set; }

    public DateTimeOffset? NextScheduled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var started = Started is { } id ? await runs.FindAsync(id, cancellationToken) : null;
        await LoadAsync(started is null ? null : StartedMessage(started.Run.Id, started.Run.Mode), false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(null, false, cancellationToken);
        return Partial("Partials/_RunList", List);
    }

    public async Task<IActionResult> OnPostSyncNowAsync(CancellationToken cancellationToken)
    {
        Resync = new ResyncForm();
        return await StartAsync(RunTrigger.Manual, RunMode.Incremental, null, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostResyncAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var mode = Resync.Mode switch
        {
            ResyncForm.Incremental => RunMode.Incremental,
            ResyncForm.DateRange => RunMode.DateRange,
            ResyncForm.Full => RunMode.Full,
            _ => (RunMode?)null,
        };
        if (mode is null)
        {
            ModelState.AddModelError("Resync.Mode", "Choose Sync now, a date range or a full re-import.");
        }

        if (mode == RunMode.Full && !Resync.ConfirmFull)
        {
            ModelState.AddModelError("Resync.ConfirmFull", "Confirm the full re-import: it reads every record in scope again and is the heaviest resync.");
        }

        if (mode == RunMode.DateRange)
        {
            if (Resync.From is null)
            {
                ModelState.AddModelError("Resync.From", "Enter the first day of the range.");
            }

            if (Resync.To is null)
            {
                ModelState.AddModelError("Resync.To", "Enter the last day of the range.");
            }

            if (Resync.From is { } first && Resync.To is { } last && last < first)
            {
                ModelState.AddModelError("Resync.To", "The last day must not be before the first day.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync("The resync was not started; see the messages in the resync form.", true, cancellationToken);
            return Page();
        }

        var from = Resync.From is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var to = Resync.To is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var trigger = mode == RunMode.Incremental ? RunTrigger.Manual : RunTrigger.Resync;
        return await StartAsync(trigger, mode!.Value, from, to, cancellationToken);
    }

    private async Task<IActionResult> StartAsync(RunTrigger trigger, RunMode mode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var integration = Integration is null ? null : await integrations.FindAsync(Integration, cancellationToken);
        string message;
        var isError = true;
        if (integration is null)
        {
            message = Integration is null ? "Choose an integration first." : $"There is no integration '{Integration}'; nothing was started.";
        }
        else
        {
            var result = await runService.StartInBackgroundAsync(
                new RunRequest(integration.Id, trigger, mode, from, to, User.ToActor().Name), cancellationToken);
            if (result.Run is { } started && !Request.IsHtmx())
            {
                // Post/Redirect/Get: reloading the page must not start the run (a full re-import, say) again.
                return RedirectToPage(new { integration = integration.Slug, started = started.Id });
            }

            (message, isError) = result switch
            {
                { Run: { } run } => (StartedMessage(run.Id, mode), false),
                { AlreadyRunning: { } running } => ($"Run #{running.Id} of this integration is still running; runs of one integration never overlap.", true),
                _ => ("Not started: " + result.Errors, true),
            };
        }

        await LoadAsync(message, isError, cancellationToken);
        return Request.IsHtmx() ? Partial("Partials/_RunList", List) : Page();
    }

    private static string StartedMessage(long runId, RunMode mode) => $"Run #{runId} started ({RunDisplay.Mode(mode).ToLowerInvariant()}).";

    private async Task LoadAsync(string? message, bool isError, CancellationToken cancellationToken)
    {
        Sources = [.. (await integrations.ListAsync(cancellationToken)).Where(i => catalog.Find(i.Connector)?.Has(ConnectorCapabilities.Source) == true)];
        Selected = Integration is null ? null : Sources.FirstOrDefault(i => i.Slug == Integration);
        NextScheduled = Selected is null ? null : await scheduler.NextScheduledAsync(Selected.Id, cancellationToken);
        var page = await runs.PageAsync(Selected?.Id, Before, PageSize + 1, cancellationToken);
        var next = page.Count > PageSize ? page[PageSize - 1].Run.Id : (long?)null;
        List = new RunListView([.. page.Take(PageSize)], Selected?.Slug, next, message, isError);
    }
}
