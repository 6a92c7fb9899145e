using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Retries;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Tries an operation's canary alone while it is still queued. If it fails again with the class it failed with before,
/// and that class is one a person has to fix, the cause is most likely still there (expired credentials, a changed
/// schema) and the other records would only fail the same way, so the operation stops.
/// </summary>
public sealed partial class OperationCanary(IDbContextFactory<SyncHubDbContext> dbFactory, SyncOrchestrator orchestrator, ILogger<OperationCanary> logger)
{
    internal async Task<CanaryResult> RunAsync(RetryOperation operation, CancellationToken cancellationToken)
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
        if (!FailedTheSameWay(before.ErrorClass, record.LastErrorClass))
        {
            return new CanaryResult(true, batch, null);
        }

        LogCanaryFailed(operation.Id, canaryId, record.LastErrorClass!.Value);
        return new CanaryResult(true, batch, new CanaryFailure(record.LastErrorClass.Value, record.LastHttpStatus));
    }

    /// <summary>
    /// Classes SyncHub retries on its own (transient, rate limited, server errors) mean an outage the connection breakers
    /// pace; failing again tells nothing new. The others need a person, so the same failure again stops the operation.
    /// </summary>
    internal static bool FailedTheSameWay(ErrorClass? before, ErrorClass? after) =>
        after is { } errorClass && errorClass == before && !ErrorClassPolicy.IsAutomaticallyRetryable(errorClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId}: canary record {RecordId} failed again with {ErrorClass}")]
    private partial void LogCanaryFailed(Guid operationId, long recordId, ErrorClass errorClass);

    private sealed record ErrorClassBefore(ErrorClass? ErrorClass);
}
