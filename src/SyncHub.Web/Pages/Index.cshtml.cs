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
public sealed partial class IndexModel(
    IntegrationStatusQuery status, ErrorTrendCache trend, RecentErrorsQuery errors, MoneyAtRiskCache money,
    SectionLoader sections, IConnectorCatalog catalog) : PageModel
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
        Status = await LoadStatusAsync(cancellationToken);
        Trend = await LoadTrendAsync(RangeOf(trend), cancellationToken);
        Errors = await LoadErrorsAsync(cancellationToken);
        Money = await LoadMoneyAsync(cancellationToken);
    }

    /// <summary>The polled fragment that keeps the counts current.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_IntegrationStatus", await LoadStatusAsync(cancellationToken));

    private async Task<IntegrationStatusView> LoadStatusAsync(CancellationToken cancellationToken)
    {
        var section = await sections.LoadAsync("integration-status", status.ListAsync, cancellationToken);
        return section.Data is { } list
            ? new IntegrationStatusView(list, section.Now) { AsOf = section.AsOf }
            : IntegrationStatusView.Empty with { Now = section.Now, Unavailable = true };
    }
}
