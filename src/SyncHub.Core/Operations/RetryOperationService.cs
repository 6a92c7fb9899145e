using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Manual retries as server-side operations. Starting one marks its records in a single UPDATE (so
/// 100,000 records cost one statement, and the set is fixed at the start); running it claims and retries
/// them batch by batch. Queued records are skipped by the automatic retry job: a manual retry takes precedence.
/// </summary>
public sealed class RetryOperationService(
    IDbContextFactory<SyncHubDbContext> dbFactory, SyncOrchestrator orchestrator, IOperationQueue queue, WriteGate writes, TimeProvider time,
    OperationBreakerWait breakerWait)
{
    /// <summary>Starts an operation and runs it in the background; returns at once.</summary>
    public async Task<RetryOperation> StartInBackgroundAsync(RetryScope scope, CancellationToken cancellationToken)
    {
        var operation = await StartAsync(scope, cancellationToken);
        if (operation.Status == OperationStatus.Running)
        {
            await queue.EnqueueAsync(operation.Id, cancellationToken);
        }

        return operation;
    }

    /// <summary>Starts an operation and runs it to the end before returning (for a handful of selected records).</summary>
    public async Task<RetryOperation> RunNowAsync(RetryScope scope, CancellationToken cancellationToken)
    {
        var operation = await StartAsync(scope, cancellationToken);
        return operation.Status == OperationStatus.Running ? await RunAsync(operation.Id, cancellationToken, waitForBreakers: false) : operation;
    }

    public async Task<RetryOperation> StartAsync(RetryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var operation = new RetryOperation { Id = Guid.NewGuid(), IntegrationId = scope.IntegrationId, Status = OperationStatus.Running, CreatedAt = now };
        db.RetryOperations.Add(operation);
        await db.SaveChangesAsync(cancellationToken);

        // Dead letters are retried only when picked by id (the Dead Letter tab); Retry All leaves them for review.
        var pickedById = scope.RecordIds is not null;
        var records = db.Records.Where(r =>
            (r.Status == RecordStatus.Failed || (pickedById && r.Status == RecordStatus.DeadLetter)) && r.RetryOperationId == null);
        if (scope.IntegrationId is { } integrationId)
        {
            records = records.Where(r => r.IntegrationId == integrationId);
        }

        if (scope.RecordIds is { } ids)
        {
            records = records.Where(r => ids.Contains(r.Id));
        }

        operation.Total = await records.ExecuteUpdateAsync(s => s.SetProperty(r => r.RetryOperationId, operation.Id), cancellationToken);
        if (operation.Total == 0)
        {
            operation.Status = OperationStatus.Completed;
            operation.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return operation;
    }

    /// <summary>
    /// Retries the operation's queued records until none are left; safe to call again after a restart. Records behind
    /// an open connection breaker are waited for, or, without <paramref name="waitForBreakers"/>, handed to the
    /// background worker (the operation is returned still running).
    /// </summary>
    public async Task<RetryOperation> RunAsync(Guid operationId, CancellationToken cancellationToken, bool waitForBreakers = true)
    {
        var claimedAgain = false;
        while (true)
        {
            var batch = await orchestrator.RetryQueuedAsync(operationId, cancellationToken);
            if (batch.Attempted == 0)
            {
                var next = await breakerWait.WaitIfBlockedAsync(operationId, waitForBreakers, cancellationToken);
                if (next == OperationWaitResult.Blocked)
                {
                    await queue.EnqueueAsync(operationId, cancellationToken);
                    return (await FindAsync(operationId, cancellationToken))!;
                }

                // A breaker that closed between the claim and the check gets one more claim, not an endless loop.
                if (next == OperationWaitResult.Waited || (next == OperationWaitResult.ClaimAgain && !claimedAgain))
                {
                    claimedAgain = next == OperationWaitResult.ClaimAgain;
                    continue;
                }

                break;
            }

            claimedAgain = false;

            await using var progress = await dbFactory.CreateDbContextAsync(cancellationToken);
            using var gate = await writes.EnterAsync(cancellationToken);
            await progress.RetryOperations.Where(o => o.Id == operationId).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Succeeded, o => o.Succeeded + batch.Succeeded).SetProperty(o => o.Failed, o => o.Failed + batch.Failed),
                cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var finish = await writes.EnterAsync(cancellationToken);
        var operation = await db.RetryOperations.SingleAsync(o => o.Id == operationId, cancellationToken);
        operation.Status = OperationStatus.Completed;
        operation.CompletedAt = time.GetUtcNow();
        operation.Skipped = Math.Max(0, operation.Total - operation.Succeeded - operation.Failed);
        await db.SaveChangesAsync(cancellationToken);
        return operation;
    }

    public async Task<RetryOperation?> FindAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetryOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operationId, cancellationToken);
    }

    /// <summary>Operations a stopped process left running; the worker resumes them at start-up.</summary>
    public async Task<List<Guid>> FindUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetryOperations.Where(o => o.Status == OperationStatus.Running).Select(o => o.Id).ToListAsync(cancellationToken);
    }
}
