namespace SyncHub.Connectors;

/// <summary>Version facts of this SDK.</summary>
public static class ConnectorSdk
{
    /// <summary>The SDK's major version. A plugin built against another major version is refused at load.</summary>
    public const int MajorVersion = 1;
}
