using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages;

/// <summary>The integration status dashboard.</summary>
public sealed class IndexModel(IntegrationStatusQuery status, IConnectorCatalog catalog, TimeProvider time) : PageModel
{
    public IntegrationStatusView Status { get; private set; } = IntegrationStatusView.Empty;

    public IReadOnlyList<PluginLoadError> PluginErrors => catalog.LoadErrors;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await LoadAsync(cancellationToken);

    /// <summary>The polled fragment that keeps the counts current.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_IntegrationStatus", await LoadAsync(cancellationToken));

    private async Task<IntegrationStatusView> LoadAsync(CancellationToken cancellationToken) =>
        new(await status.ListAsync(cancellationToken), time.GetUtcNow());
}
