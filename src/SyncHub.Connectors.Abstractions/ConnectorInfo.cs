namespace SyncHub.Connectors;

/// <summary>Describes a connector to SyncHub and to administrators.</summary>
/// <param name="Name">The name integrations use to pick this connector, for example <c>webhook</c>. Case-insensitive.</param>
/// <param name="DisplayName">A human-readable name for the dashboard.</param>
/// <param name="Version">The connector's own version.</param>
/// <remarks>
/// SyncHub reads the SDK version a plugin was built against from the plugin assembly's reference to
/// <c>SyncHub.Connectors.Abstractions</c> and refuses another major version.
/// </remarks>
public sealed record ConnectorInfo(string Name, string DisplayName, string Version)
{
    /// <summary>The settings the connection form asks for, in order. Empty means free-form JSON.</summary>
    public IReadOnlyList<SettingField> Settings { get; init; } = [];

    /// <summary>The entity types the connector knows, for example <c>invoice</c>; empty means any.</summary>
    public IReadOnlyList<string> EntityTypes { get; init; } = [];

    /// <summary>The destination's limits, if it has any SyncHub should pace to.</summary>
    public ConnectorRateLimits? RateLimits { get; init; }

    /// <summary>
    /// The optional parts this connector offers (SDK 1.4). SyncHub chooses what to do with a connector by these flags.
    /// Null (the default, and every plugin built against SDK 1.3 or earlier) means SyncHub derives them from the optional
    /// interfaces the gateway implements. A declared flag needs its interface, or the plugin is refused at load; an
    /// interface whose flag is not declared is not used.
    /// </summary>
    public ConnectorCapabilities? Capabilities { get; init; }
}
