using SyncHub.Core.Audit;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Records;

/// <summary>Retry on the record page: one record, now, and what became of it in words.</summary>
public sealed class RecordRetry(RetryOperationService operations)
{
    public async Task<string> RetryAsync(long id, Actor actor, CancellationToken cancellationToken)
    {
        var result = await operations.RunNowAsync(RetryScope.Selected([id]), actor.Name, cancellationToken);
        return result.Total == 0
            ? "This record is not in the failed or dead-letter queue, so there was nothing to retry."
            : result.Status == OperationStatus.Running ? "Queued: the connection breaker is open, so the retry waits and runs in the background once a probe gets through."
            : result.Succeeded == 1 ? "Retried: delivered." : "Retried: it failed again; the new error is at the bottom of the history.";
    }
}
