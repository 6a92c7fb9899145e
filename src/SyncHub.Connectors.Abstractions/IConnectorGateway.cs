namespace SyncHub.Connectors;

/// <summary>
/// The one interface a SyncHub connector plugin implements: it delivers one mapped record to a destination
/// system and reports what happened as a <see cref="DeliveryOutcome"/>.
/// </summary>
/// <remarks>
/// SyncHub creates one gateway per connector when the plugin loads, through a public constructor that takes
/// either nothing or a <see cref="ConnectorServices"/>. The instance is shared by every integration that uses
/// the connector, so per-integration state must be keyed by <see cref="DeliveryRequest.IntegrationSlug"/>.
/// Expected failures are outcomes, not exceptions: an exception that escapes is caught by SyncHub and
/// recorded as <see cref="ErrorClass.ConnectorFault"/>.
/// </remarks>
public interface IConnectorGateway
{
    /// <summary>Describes the connector: its name (as integrations refer to it), version and capabilities.</summary>
    ConnectorInfo Info { get; }

    /// <summary>Delivers one record. Called at most once at a time for a given record.</summary>
    /// <param name="request">The record, its rendered body, its stable idempotency key and the integration settings.</param>
    /// <param name="cancellationToken">Cancelled when SyncHub's call timeout elapses or the host stops.</param>
    Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken);
}
