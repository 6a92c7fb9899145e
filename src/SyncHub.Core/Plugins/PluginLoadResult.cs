using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation;

namespace SyncHub.Core.Plugins;

internal sealed record PluginLoadResult(IReadOnlyList<IConnectorGateway> Gateways, IReadOnlyList<PluginLoadError> Errors)
{
    /// <summary>The isolated plugins' processes and health; the catalog owns and disposes it.</summary>
    public PluginIsolation? Isolation { get; init; }
}
