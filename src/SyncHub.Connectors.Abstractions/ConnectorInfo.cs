namespace SyncHub.Connectors;

/// <summary>Describes a connector to SyncHub and to administrators.</summary>
/// <param name="Name">The name integrations use to pick this connector, for example <c>webhook</c>. Case-insensitive.</param>
/// <param name="DisplayName">A human-readable name for the dashboard.</param>
/// <param name="Version">The connector's own version.</param>
public sealed record ConnectorInfo(string Name, string DisplayName, string Version)
{
    /// <summary>The SDK major version the connector was built against; SyncHub refuses other majors.</summary>
    public int SdkMajorVersion { get; init; } = ConnectorSdk.MajorVersion;
}
