namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway that implements <see cref="IDuplicateResolver"/> and keeps values at the destination that a
/// merge combines, for example a member's loyalty points. When an administrator merges a record into a destination
/// record, SyncHub first asks <see cref="CheckMergeAsync"/> whether the destination can take the merge, before it changes
/// anything; a refusal stops the merge with its reason. After SyncHub has absorbed its own older records, it calls
/// <see cref="TransferAsync"/> to take the combined values off the destination records merged away, and only then links
/// the survivor with the combined body (<see cref="IDuplicateResolver.LinkAsync"/>), so nothing is counted twice.
/// </summary>
public interface IMergeTransfer
{
    /// <summary>
    /// Checks that the merge can be carried out: the credentials have the permissions it needs and the destination has
    /// somewhere to keep what it carries. Must not create or change anything. Expected refusals are results, not exceptions.
    /// </summary>
    Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Takes what the merge combines off <see cref="MergeRequest.MergedExternalIds"/> (for example sets their point
    /// balances to zero). Called again when a merge is repeated, so it must be idempotent: a value already moved is left alone.
    /// </summary>
    Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken);
}
