using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

public sealed partial class SquareGateway : IDuplicateResolver
{
    /// <summary>
    /// Makes <paramref name="externalId"/> the member's Square customer, as an administrator chose: writes the
    /// member's reference and fields into it (UpdateCustomer).
    /// </summary>
    public async Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        var (client, member, refused) = Prepare(request);
        if (refused is not null)
        {
            return refused;
        }

        var updated = await client!.UpdateAsync(externalId, member!, version: null, cancellationToken);
        if (!updated.IsSuccess)
        {
            return Refused(request, updated, $"update customer {SquareText.Clip(externalId, 100)}");
        }

        LogDelivered(request.RecordId, request.IntegrationSlug, "linked", updated.Status);
        return DeliveryOutcome.Linked(externalId, $"Linked to Square customer {SquareText.Clip(externalId, 100)} as an administrator chose", updated.Status);
    }
}
