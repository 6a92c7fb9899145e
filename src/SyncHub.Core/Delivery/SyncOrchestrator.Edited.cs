using System.Linq.Expressions;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Delivers one record an operator has just edited, now and as a manual retry (it counts as a retry). If the
    /// background delivery takes it first, or a breaker holds it, it goes out with the next delivery batch instead.
    /// </summary>
    public async Task<BatchResult> DeliverEditedAsync(long recordId, CancellationToken cancellationToken)
    {
        Expression<Func<SyncRecord, bool>> edited = r => r.Id == recordId && r.Status == RecordStatus.Pending && r.NextAttemptAt != null;
        await BlockChildrenOfUndeliveredParentsAsync(edited, cancellationToken);
        return await ClaimAndProcessAsync(edited, AttemptTrigger.ManualRetry, null, cancellationToken);
    }
}
