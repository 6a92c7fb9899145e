using SyncHub.Connectors;

namespace SyncHub.Connectors.ThrowsOnLoad;

/// <summary>A connector whose constructor fails, as one with a missing configuration file or native library would.</summary>
public sealed class ThrowingGateway : IConnectorGateway
{
    public ThrowingGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        throw new InvalidOperationException("license file <missing> could not be read");
    }

    public ConnectorInfo Info => new("throws-on-load", "Throws on load", "0.0.1");

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryOutcome.Delivered());
}
