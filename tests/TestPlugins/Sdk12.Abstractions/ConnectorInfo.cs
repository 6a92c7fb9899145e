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
}
