using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Dashboard;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Web.Pages.Dashboard;

namespace SyncHub.Web.Pages;

/// <summary>
/// The integration status dashboard. Each box has its own handler and refreshes on its own; a plain request
/// renders every box server-side. A box whose query fails says so while the others render.
/// </summary>
public sealed class IndexModel(DashboardSections sections, IConnectorCatalog catalog) : PageModel
{
    public IntegrationStatusView Status { get; private set; } = IntegrationStatusView.Empty;

    public TrendSectionView Trend { get; private set; } = null!;

    public DashboardSection<IReadOnlyList<RecentErrorGroup>> Errors { get; private set; } = null!;

    public DashboardSection<MoneyAtRisk> Money { get; private set; } = null!;

    public IReadOnlyList<PluginLoadError> PluginErrors => catalog.LoadErrors;

    public IReadOnlyList<ConnectorProblem> PluginProblems => catalog.Problems;

    /// <param name="trend">"month" shows the error trend for 30 days, anything else for 24 hours.</param>
    public async Task OnGetAsync(string? trend, CancellationToken cancellationToken)
    {
        Status = await sections.StatusAsync(cancellationToken);
        Trend = await sections.TrendAsync(DashboardSections.RangeOf(trend), cancellationToken);
        Errors = await sections.ErrorsAsync(cancellationToken);
        Money = await sections.MoneyAsync(cancellationToken);
    }

    /// <summary>The polled fragment that keeps the counts current.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_IntegrationStatus", await sections.StatusAsync(cancellationToken));

    /// <summary>The error trend; <paramref name="range"/> is "day" (24 h by hour) or "month" (30 d by day).</summary>
    public async Task<IActionResult> OnGetTrendAsync(string? range, CancellationToken cancellationToken) =>
        Partial("Partials/_ErrorTrend", await sections.TrendAsync(DashboardSections.RangeOf(range), cancellationToken));

    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_RecentErrors", await sections.ErrorsAsync(cancellationToken));

    public async Task<IActionResult> OnGetMoneyAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_MoneyAtRisk", await sections.MoneyAsync(cancellationToken));
}
