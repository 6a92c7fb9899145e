using SyncHub.Connectors;

namespace SyncHub.Core.Plugins;

internal sealed record PluginLoadResult(IReadOnlyList<IConnectorGateway> Gateways, IReadOnlyList<PluginLoadError> Errors);
