using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Delivers a record waiting for duplicate review the way the administrator decided, with the same claim and
    /// sync log as every other attempt.
    /// </summary>
    /// <returns>True when delivered, false when it failed, null when the record was not waiting for review or is busy.</returns>
    public async Task<bool?> DeliverReviewedAsync(long recordId, ReviewDecision decision, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(
            r => r.Id == recordId && r.Status == RecordStatus.NeedsReview, AttemptTrigger.ManualRetry, null, cancellationToken, limit: 1);
        if (claimed.Count == 0)
        {
            return null;
        }

        try
        {
            return await await ProcessOrReleaseAsync(claimed[0] with { Decision = decision }, cancellationToken);
        }
        finally
        {
            _activeClaims.Remove(claimed[0].ClaimToken);
        }
    }
}
