using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

public sealed partial class SquareGateway : IDuplicateResolver, IMergeTransfer
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
            return Refused(request, updated, $"update customer {UntrustedText.OneLine(externalId, 100)}");
        }

        LogDelivered(request.RecordId, request.IntegrationSlug, "linked", updated.Status);
        var linked = DeliveryOutcome.Linked(externalId, $"Linked to Square customer {UntrustedText.OneLine(externalId, 100)} as an administrator chose", updated.Status);
        return await WithPointsAsync(request, client!, member!, linked, cancellationToken);
    }

    /// <summary>
    /// Before a merge changes anything: the token may update customers (and, when the member carries points, read and
    /// write loyalty accounts), and the survivor has a loyalty account or can be given one. Reads only.
    /// </summary>
    public async Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, member, refused) = Prepare(request.Settings, request.Body, request.SourceId);
        return refused is not null
            ? MergeCheckResult.Refuse(refused.ErrorClass, refused.Message ?? "The member cannot be sent to Square.")
            : await new SquareMerge(client!).CheckAsync(request, member!, cancellationToken);
    }

    /// <summary>The merged customers' loyalty balances set to zero: the survivor is given their sum by the link.</summary>
    public async Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, member, refused) = Prepare(request.Settings, request.Body, request.SourceId);
        return refused ?? await new SquareMerge(client!).TransferAsync(request, member!, cancellationToken);
    }
}
