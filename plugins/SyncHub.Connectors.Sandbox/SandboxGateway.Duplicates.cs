using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

public sealed partial class SandboxGateway : IDuplicateResolver
{
    /// <inheritdoc />
    public Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var linked = _ledger.Link(request.IdempotencyKey, externalId);
        return Task.FromResult(DeliveryOutcome.Linked(linked, $"Linked to sandbox record {linked} (simulated).", 200));
    }
}
