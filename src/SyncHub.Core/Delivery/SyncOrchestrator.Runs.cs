using System.Linq.Expressions;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Delivers one batch of the records a run has staged (pending, tagged with the run, no due time, so the
    /// background delivery job leaves them to the run). Results are recorded like any other attempt.
    /// </summary>
    public async Task<BatchResult> DeliverRunAsync(long runId, CancellationToken cancellationToken)
    {
        Expression<Func<SyncRecord, bool>> staged = r => r.RunId == runId && r.Status == RecordStatus.Pending && r.NextAttemptAt == null;
        await BlockChildrenOfUndeliveredParentsAsync(staged, cancellationToken);
        return await ClaimAndProcessAsync(staged, AttemptTrigger.Run, null, cancellationToken);
    }
}
