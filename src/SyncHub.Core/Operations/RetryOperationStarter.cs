using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Starts a retry operation: marks its records in a single UPDATE (so 100,000 records cost one statement, and the set
/// is fixed at the start) and picks the canary. With an actor, the audit entries commit with the marking.
/// </summary>
public sealed class RetryOperationStarter(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, NodeOwnership owners)
{
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

        // One statement marks the set (and moves its queue rows into the operation's lane); the set is fixed from here.
        var records = RetryScopeSelection.Apply(db.Records, scope);
        var queued = await RecordWrites.UpdateAsync(db, records, s => s.SetProperty(r => r.RetryOperationId, operation.Id), cancellationToken);
        operation.Total = queued.Count;
        if (actor is not null)
        {
            await RetryOperationAudit.AddAsync(db, operation, scope, queued, actor, now, cancellationToken);
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
}
