namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway: finds a record at the destination by SyncHub's stable reference. After an unknown
/// outcome (a timeout, a reset after sending, a 5xx on a create) SyncHub asks before sending the record again,
/// so a destination without idempotency support still never gets a second copy.
/// </summary>
public interface IRecordLookup
{
    /// <summary>Looks the record up. Expected failures are outcomes, not exceptions.</summary>
    Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken);
}
