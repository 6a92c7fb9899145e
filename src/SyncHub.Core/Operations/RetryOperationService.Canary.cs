using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

public sealed partial class RetryOperationService
{
    /// <summary>
    /// Tries the canary alone while it is still queued. If it fails again with the class it failed with before, and that
    /// class is one a person has to fix, the cause is most likely still there (expired credentials, a changed schema) and the other records would only fail
    /// the same way, so the caller stops.
    /// </summary>
    private async Task<CanaryResult> RunCanaryAsync(RetryOperation operation, CancellationToken cancellationToken)
    {
        if (operation.CanaryRecordId is not { } canaryId)
        {
            return CanaryResult.NotTried;
        }

        ErrorClassBefore? before;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            before = await db.Records.AsNoTracking().Where(r => r.Id == canaryId && r.RetryOperationId == operation.Id)
                .Select(r => new ErrorClassBefore(r.LastErrorClass)).SingleOrDefaultAsync(cancellationToken);
        }

        if (before is null)
        {
            return CanaryResult.NotTried;
        }

        var batch = await orchestrator.RetryQueuedRecordAsync(operation.Id, canaryId, cancellationToken);
        if (batch.Failed == 0)
        {
            // Delivered, or held back by a breaker (then it stays queued and is tried again first).
            return batch.Succeeded == 0 ? CanaryResult.NotTried : new CanaryResult(true, batch, null);
        }

        await using var after = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await after.Records.AsNoTracking().Where(r => r.Id == canaryId)
            .Select(r => new { r.LastErrorClass, r.LastHttpStatus }).SingleAsync(cancellationToken);
        // Classes SyncHub retries on its own (transient, rate limited, server errors) mean an outage the connection
        // breakers pace; failing again tells nothing new. The others need a person, so the same failure again stops.
        var sameAgain = record.LastErrorClass is { } errorClass && errorClass == before.ErrorClass && !ErrorClassPolicy.IsAutomaticallyRetryable(errorClass);
        if (sameAgain)
        {
            LogCanaryFailed(operation.Id, canaryId, record.LastErrorClass!.Value);
        }

        return new CanaryResult(true, batch, sameAgain ? new CanaryFailure(record.LastErrorClass!.Value, record.LastHttpStatus) : null);
    }

    private sealed record ErrorClassBefore(SyncHub.Connectors.ErrorClass? ErrorClass);
}
