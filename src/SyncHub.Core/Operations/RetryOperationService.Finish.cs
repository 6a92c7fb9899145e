using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Retries;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

public sealed partial class RetryOperationService
{
    private async Task<RetryOperation> CompleteAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writes.EnterAsync(cancellationToken))
        {
            // Only a running operation completes: a cancel that came in during the last batch keeps its status.
            await db.RetryOperations.Where(o => o.Id == operationId && o.Status == OperationStatus.Running).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, OperationStatus.Completed).SetProperty(o => o.CompletedAt, time.GetUtcNow()),
                cancellationToken);
        }

        return await TidyEndedAsync(operationId, cancellationToken);
    }

    /// <summary>The canary failed the same way as before: the other records go back untouched and the panel says why.</summary>
    private async Task<RetryOperation> StopAsync(Guid operationId, CanaryFailure failure, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var untouched = await ReleaseMarksAsync(db, operationId, cancellationToken);
            var http = failure.HttpStatus is { } status ? $" ({status})" : "";
            var message = $"Stopped after the first record failed again with {ErrorClassPolicy.Label(failure.ErrorClass)}{http}, as before. "
                + $"The other {untouched} records were left untouched. {ErrorClassPolicy.Diagnosis(failure.ErrorClass)}";
            await db.RetryOperations.Where(o => o.Id == operationId && o.Status == OperationStatus.Running).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, OperationStatus.Stopped).SetProperty(o => o.CompletedAt, time.GetUtcNow())
                    .SetProperty(o => o.Message, message),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogStopped(operationId, failure.ErrorClass, untouched);
        }

        return await TidyEndedAsync(operationId, cancellationToken);
    }

    /// <summary>
    /// Whatever ended the operation, no record may keep pointing at it: a breaker can hand a claimed record back with
    /// the mark after a cancel released the others. Skipped becomes what the operation never tried.
    /// </summary>
    private async Task<RetryOperation> TidyEndedAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ReleaseMarksAsync(db, operationId, cancellationToken);
            await db.RetryOperations.Where(o => o.Id == operationId && o.Status != OperationStatus.Running).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Skipped, o => o.Total - o.Succeeded - o.Failed > 0 ? o.Total - o.Succeeded - o.Failed : 0),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (await FindAsync(operationId, cancellationToken))!;
    }

    /// <summary>Hands back the records the operation has not reached: only the mark goes, status and next attempt time stay.</summary>
    private static async Task<int> ReleaseMarksAsync(SyncHubDbContext db, Guid operationId, CancellationToken cancellationToken)
    {
        // The operation's records are found through its queue lane; the mark is checked on the record itself again.
        var queued = db.WorkQueue.Where(w => w.OperationId == operationId).Select(w => w.RecordId);
        var released = await RecordWrites.UpdateAsync(
            db, db.Records.Where(r => queued.Contains(r.Id) && r.RetryOperationId == operationId), s => s.SetProperty(r => r.RetryOperationId, (Guid?)null), cancellationToken);
        return released.Count;
    }
}
