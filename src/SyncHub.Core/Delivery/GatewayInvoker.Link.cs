using SyncHub.Connectors;

namespace SyncHub.Core.Delivery;

public sealed partial class GatewayInvoker
{
    private static async Task<DeliveryOutcome> LinkOnceAsync(IConnectorGateway gateway, DeliveryRequest request, string externalId, CancellationToken cancellationToken) =>
        gateway is IDuplicateResolver resolver
            ? await resolver.LinkAsync(request, externalId, cancellationToken)
            : DeliveryOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{gateway.Info.Name}' cannot link records to existing ones.");
}
