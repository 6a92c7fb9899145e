using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Plugins;

namespace SyncHub.Web.Pages.Plugins;

/// <summary>The loaded connectors, what each can do and needs, and the plugins that failed to load (any signed-in user).</summary>
public sealed class IndexModel(IConnectorCatalog catalog) : PageModel
{
    public IReadOnlyList<PluginRow> Rows { get; private set; } = [];

    public IReadOnlyList<PluginLoadError> Errors { get; private set; } = [];

    /// <summary>Loaded connectors that misbehaved lately (an isolated plugin restarted), with the reason.</summary>
    public IReadOnlyList<ConnectorProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
        Rows = [.. catalog.Connectors.Select(c => catalog.Find(c.Name)).OfType<SyncHub.Connectors.IConnectorGateway>()
            .Select(g => PluginRow.From(g, catalog.SdkVersionOf(g.Info.Name)))];
        Errors = catalog.LoadErrors;
        Problems = catalog.Problems;
    }
}
