using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>One connector the child loaded: what it declares and the capabilities it offers (declared, or derived from its interfaces).</summary>
internal sealed record WireConnector(ConnectorInfo Info, string? SdkVersion, ConnectorCapabilities Capabilities)
{
    /// <summary>What an isolated connector can offer through its process: delivery plus these.</summary>
    public const ConnectorCapabilities Isolatable = ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection;

    /// <summary>Optional parts that need the host's services in-process, so an isolated plugin that offers one is refused.</summary>
    public const ConnectorCapabilities NotIsolatable = ConnectorCapabilities.Source | ConnectorCapabilities.CredentialRefresh
        | ConnectorCapabilities.DuplicateResolver | ConnectorCapabilities.MergeTransfer;

    public static WireConnector Describe(IConnectorGateway gateway) => new(
        gateway.Info,
        SdkReference.Of(gateway.GetType().Assembly)?.ToString(),
        GatewayCapabilities.Of(gateway));
}
