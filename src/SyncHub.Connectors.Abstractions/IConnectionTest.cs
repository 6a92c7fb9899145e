namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway: makes one harmless authenticated call (read the organisation, list one item) so an
/// administrator can check a connection's settings before saving them. Must not create or change anything.
/// </summary>
public interface IConnectionTest
{
    /// <summary>Tests the connection. Expected failures are results, not exceptions.</summary>
    Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken);
}
