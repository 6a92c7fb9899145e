using SyncHub.Connectors;

namespace SyncHub.Connectors.Sdk12;

/// <summary>A connector written against SDK 1.2: delivery and look-ups, from before destination readers existed.</summary>
public sealed class Sdk12Gateway : IConnectorGateway, IRecordLookup
{
    public ConnectorInfo Info { get; } = new("sdk12", "Built on SDK 1.2", "1.0.0");

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryOutcome.Delivered("sdk12-" + request.RecordId));

    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(LookupOutcome.NotFound());
}
