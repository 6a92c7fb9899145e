using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>
/// What a gateway offers besides delivery. A connector that declares <see cref="ConnectorInfo.Capabilities"/> offers
/// exactly those; one that does not (every plugin built against SDK 1.3 or earlier) offers the optional interfaces it
/// implements. The host chooses every path by these flags, never by the gateway's type.
/// </summary>
internal static class GatewayCapabilities
{
    /// <summary>Every flag this SDK defines.</summary>
    public const ConnectorCapabilities All = ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection | ConnectorCapabilities.Source
        | ConnectorCapabilities.CredentialRefresh | ConnectorCapabilities.DuplicateResolver | ConnectorCapabilities.MergeTransfer
        | ConnectorCapabilities.DestinationReader;

    public static ConnectorCapabilities Of(IConnectorGateway gateway) => gateway.Info.Capabilities ?? Implemented(gateway);

    public static bool Has(this IConnectorGateway gateway, ConnectorCapabilities capability) =>
        capability != ConnectorCapabilities.None && (Of(gateway) & capability) == capability;

    /// <summary>The gateway as the interface of <paramref name="capability"/>, or null when it does not offer it.</summary>
    public static T? Offering<T>(this IConnectorGateway? gateway, ConnectorCapabilities capability)
        where T : class =>
        gateway is not null && gateway.Has(capability) ? gateway as T : null;

    /// <summary>The capabilities whose interfaces the gateway implements, whatever it declares.</summary>
    public static ConnectorCapabilities Implemented(IConnectorGateway gateway)
    {
        var found = ConnectorCapabilities.None;
        found |= gateway is IRecordLookup ? ConnectorCapabilities.Lookup : 0;
        found |= gateway is IConnectionTest ? ConnectorCapabilities.TestConnection : 0;
        found |= gateway is IConnectorSource ? ConnectorCapabilities.Source : 0;
        found |= gateway is ICredentialRefresh ? ConnectorCapabilities.CredentialRefresh : 0;
        found |= gateway is IDuplicateResolver ? ConnectorCapabilities.DuplicateResolver : 0;
        found |= gateway is IMergeTransfer ? ConnectorCapabilities.MergeTransfer : 0;
        found |= gateway is IDestinationReader ? ConnectorCapabilities.DestinationReader : 0;
        return found;
    }

    /// <summary>Why the gateway's declaration cannot be used, or null when it can (or declares nothing).</summary>
    public static string? Problem(IConnectorGateway gateway)
    {
        if (gateway.Info.Capabilities is not { } declared)
        {
            return null;
        }

        if ((declared & ~All) != 0)
        {
            return $"Connector '{gateway.Info.Name}' declares capabilities this SyncHub does not know ({(int)(declared & ~All)}).";
        }

        var missing = declared & ~Implemented(gateway);
        return missing == ConnectorCapabilities.None
            ? null
            : $"Connector '{gateway.Info.Name}' declares {missing} but does not implement {string.Join(", ", Interfaces(missing))}.";
    }

    /// <summary>The SDK interface each flag stands for, in flag order.</summary>
    public static IEnumerable<string> Interfaces(ConnectorCapabilities capabilities) =>
        Enum.GetValues<ConnectorCapabilities>().Where(c => c != ConnectorCapabilities.None && capabilities.HasFlag(c)).Select(InterfaceOf);

    private static string InterfaceOf(ConnectorCapabilities capability) => capability switch
    {
        ConnectorCapabilities.Lookup => nameof(IRecordLookup),
        ConnectorCapabilities.TestConnection => nameof(IConnectionTest),
        ConnectorCapabilities.Source => nameof(IConnectorSource),
        ConnectorCapabilities.CredentialRefresh => nameof(ICredentialRefresh),
        ConnectorCapabilities.DuplicateResolver => nameof(IDuplicateResolver),
        ConnectorCapabilities.MergeTransfer => nameof(IMergeTransfer),
        _ => nameof(IDestinationReader),
    };
}
