using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Cluster;
using SyncHub.Core.Delivery;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Manual retries as server-side operations. Starting one marks its records in a single UPDATE (so
/// 100,000 records cost one statement, and the set is fixed at the start); running it claims and retries
/// them batch by batch, the first record (the canary) alone. Queued records are skipped by the automatic retry job: a manual retry takes precedence.
/// </summary>
public sealed partial class RetryOperationService(
    IDbContextFactory<SyncHubDbContext> dbFactory, SyncOrchestrator orchestrator, IOperationQueue queue, WriteGate writes, TimeProvider time,
    OperationBreakerWait breakerWait, OperationCancellations cancellations, NodeOwnership owners, ILogger<RetryOperationService> logger)
{
    /// <summary>Starts an operation and runs it in the background; returns at once.</summary>
    public Task<RetryOperation> StartInBackgroundAsync(RetryScope scope, CancellationToken cancellationToken) =>
        StartInBackgroundAsync(scope, null, cancellationToken);

    /// <summary>As <see cref="StartInBackgroundAsync(RetryScope, CancellationToken)"/>; a named actor is written to the audit log.</summary>
    public async Task<RetryOperation> StartInBackgroundAsync(RetryScope scope, string? actor, CancellationToken cancellationToken)
    {
        var operation = await StartAsync(scope, actor, cancellationToken);
        if (operation.Status == OperationStatus.Running)
        {
            await queue.EnqueueAsync(operation.Id, cancellationToken);
        }

        return operation;
    }

    /// <summary>Starts an operation and runs it to the end before returning (for a handful of selected records).</summary>
    public Task<RetryOperation> RunNowAsync(RetryScope scope, CancellationToken cancellationToken) =>
        RunNowAsync(scope, null, cancellationToken);

    /// <summary>As <see cref="RunNowAsync(RetryScope, CancellationToken)"/>; a named actor is written to the audit log.</summary>
    public async Task<RetryOperation> RunNowAsync(RetryScope scope, string? actor, CancellationToken cancellationToken)
    {
        var operation = await StartAsync(scope, actor, cancellationToken);
        return operation.Status == OperationStatus.Running ? await RunAsync(operation.Id, cancellationToken, waitForBreakers: false) : operation;
    }

    public Task<RetryOperation> StartAsync(RetryScope scope, CancellationToken cancellationToken) =>
        StartAsync(scope, null, cancellationToken);

    /// <summary>Marks the operation's records; with an actor, the audit entries commit with the marking.</summary>
    public async Task<RetryOperation> StartAsync(RetryScope scope, string? actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var operation = new RetryOperation
        {
            Id = Guid.NewGuid(), IntegrationId = scope.IntegrationId, Status = OperationStatus.Running, CreatedAt = now, StartedBy = actor,
            OwnerNode = owners.NodeId,
        };
        db.RetryOperations.Add(operation);
        await db.SaveChangesAsync(cancellationToken);

        // Dead letters are retried only when picked by id (the Dead Letter tab); Retry All leaves them for review,
        // and archived records too: archiving took them out of the active work.
        var pickedById = scope.RecordIds is not null;
        var records = scope.DeadLetters
            ? db.Records.Where(r => r.Status == RecordStatus.DeadLetter && r.RetryOperationId == null && (pickedById || r.ArchivedAt == null))
            : db.Records.Where(r =>
                (r.Status == RecordStatus.Failed || (pickedById && r.Status == RecordStatus.DeadLetter)) && r.RetryOperationId == null
                && (pickedById || r.ArchivedAt == null));
        if (scope.IntegrationId is { } integrationId)
        {
            records = records.Where(r => r.IntegrationId == integrationId);
        }

        if (scope.RecordIds is { } ids)
        {
            records = records.Where(r => ids.Contains(r.Id));
        }

        if (scope.ErrorClass is { } errorClass)
        {
            records = records.Where(r => r.LastErrorClass == errorClass);
        }

        if (scope.Filter is { } filter)
        {
            records = filter.Apply(records);
        }

        // One statement marks the set (and moves its queue rows into the operation's lane); the set is fixed from here.
        var queued = await RecordWrites.UpdateAsync(db, records, s => s.SetProperty(r => r.RetryOperationId, operation.Id), cancellationToken);
        operation.Total = queued.Count;
        if (actor is not null)
        {
            await AuditAsync(db, operation, scope, queued, actor, now, cancellationToken);
        }

        // One record is tried alone first, in the order the claims take them; a single record needs no canary.
        if (operation.Total > 1)
        {
            operation.CanaryRecordId = await db.WorkQueue.Where(w => w.OperationId == operation.Id)
                .OrderBy(w => w.DueAt).ThenBy(w => w.RecordId).Select(w => (long?)w.RecordId).FirstAsync(cancellationToken);
        }

        if (operation.Total == 0)
        {
            operation.Status = OperationStatus.Completed;
            operation.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return operation;
    }

    // A selection gets an entry per record it queued; Retry All (up to 100,000 records) one entry for the operation.
    private static async Task AuditAsync(
        SyncHubDbContext db, RetryOperation operation, RetryScope scope, IReadOnlyList<long> queuedIds, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (scope.RecordIds is null)
        {
            var target = scope.Filter?.Describe() ?? (scope.IntegrationId is { } integrationId ? $"integration {integrationId}" : "all integrations");
            if (scope.DeadLetters)
            {
                target += ", dead letters";
            }

            if (scope.Filter is null && scope.ErrorClass is { } errorClass)
            {
                target += $", error class {errorClass}";
            }

            db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = AuditActions.RetryAll, Target = target, Detail = $"{operation.Total} records, operation {operation.Id}" });
            return;
        }

        var queued = await db.Records.Where(r => EF.Parameter(queuedIds).Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status }).ToListAsync(cancellationToken);
        db.AuditLog.AddRange(queued.Select(r => new AuditEntry
        {
            At = now, Actor = actor, Action = AuditActions.Retry, Target = AuditActions.RecordTarget(r.Id), Detail = $"from {r.Status}, operation {operation.Id}",
        }));
    }

    public async Task<RetryOperation?> FindAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetryOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operationId, cancellationToken);
    }
}
