using SyncHub.Connectors;

namespace SyncHub.Core.Plugins.Isolation.Protocol;

/// <summary>One connector the child loaded: what it declares and which optional SDK interfaces it implements.</summary>
internal sealed record WireConnector(ConnectorInfo Info, string? SdkVersion, IReadOnlyList<string> Capabilities)
{
    public const string RecordLookup = nameof(IRecordLookup);
    public const string ConnectionTest = nameof(IConnectionTest);

    /// <summary>Optional interfaces that need the host's services in-process, so an isolated plugin cannot offer them.</summary>
    public static readonly IReadOnlyList<string> NotIsolatable =
        [nameof(IConnectorSource), nameof(ICredentialRefresh), nameof(IDuplicateResolver), nameof(IMergeTransfer)];

    public static WireConnector Describe(IConnectorGateway gateway) => new(
        gateway.Info,
        SdkReference.Of(gateway.GetType().Assembly)?.ToString(),
        [.. gateway.GetType().GetInterfaces().Select(i => i.Name).Where(n => n is RecordLookup or ConnectionTest || NotIsolatable.Contains(n)).Order(StringComparer.Ordinal)]);
}
