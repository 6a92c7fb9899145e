using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>Every integration with its connector and connection state, and the way to add one.</summary>
public sealed class IndexModel(IntegrationService integrations, IConnectorCatalog catalog) : PageModel
{
    public IReadOnlyList<Integration> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await integrations.ListAsync(cancellationToken);

    public string ConnectorName(Integration integration) =>
        catalog.Find(integration.Connector)?.Info.DisplayName ?? $"{integration.Connector} (not loaded)";
}
