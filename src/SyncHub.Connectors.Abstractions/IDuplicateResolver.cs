namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway that reports <see cref="DeliveryOutcome.PotentialDuplicate"/>: when an administrator
/// decides which destination record is the record being delivered, SyncHub asks the connector to link them
/// (for example write SyncHub's reference into it and update its fields) instead of creating another.
/// </summary>
public interface IDuplicateResolver
{
    /// <summary>Makes <paramref name="externalId"/> the destination copy of the record.</summary>
    /// <param name="request">The record, with the body the administrator confirmed.</param>
    /// <param name="externalId">The destination record that survives.</param>
    /// <param name="cancellationToken">Cancelled on timeout or shutdown.</param>
    Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken);
}
