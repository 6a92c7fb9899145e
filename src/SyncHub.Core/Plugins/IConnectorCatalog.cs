using SyncHub.Connectors;

namespace SyncHub.Core.Plugins;

/// <summary>The connectors SyncHub can deliver through, and the plugins that failed to load.</summary>
public interface IConnectorCatalog
{
    IReadOnlyList<ConnectorInfo> Connectors { get; }

    IReadOnlyList<PluginLoadError> LoadErrors { get; }

    /// <summary>
    /// Loaded connectors that misbehaved lately (an isolated plugin was restarted after exceeding its memory limit
    /// or exiting), with the reason to show. Empty when all are healthy.
    /// </summary>
    IReadOnlyList<ConnectorProblem> Problems => [];

    IConnectorGateway? Find(string connectorName);

    /// <summary>The SDK version the connector was built against (from its assembly reference), if known.</summary>
    Version? SdkVersionOf(string connectorName);
}
