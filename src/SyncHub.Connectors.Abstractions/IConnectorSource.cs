namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway: the connector can also be a source. SyncHub's runs read changed records page by page
/// (incremental from a checkpoint, a date range, or everything) and deliver them through the integration.
/// </summary>
public interface IConnectorSource
{
    /// <summary>Reads one page. Expected failures (401, 429, 5xx) are outcomes, not exceptions.</summary>
    Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken);
}
