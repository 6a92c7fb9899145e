using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Cancels a running operation from any thread or request: the status in the database is the flag the worker checks
/// between batches. The records it has not reached are released at once, untouched; the batch in flight finishes.
/// A second cancel, or one for an operation that already ended, changes nothing.
/// </summary>
public sealed partial class OperationCanceller(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, OperationCancellations cancellations,
    RetryOperationLookup lookup, ILogger<OperationCanceller> logger)
{
    public async Task<OperationCancelResult> CancelAsync(Guid operationId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var changed = await db.RetryOperations.Where(o => o.Id == operationId && o.Status == OperationStatus.Running).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, OperationStatus.Cancelled).SetProperty(o => o.CompletedAt, now), cancellationToken);
            if (changed == 0)
            {
                return new OperationCancelResult(false, await lookup.FindAsync(operationId, cancellationToken));
            }

            var untouched = await OperationMarks.ReleaseAsync(db, operationId, cancellationToken);
            var message = $"Cancelled by {actor}; {untouched} records it had not reached were left untouched.";
            await db.RetryOperations.Where(o => o.Id == operationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Message, message), cancellationToken);
            db.AuditLog.Add(new AuditEntry
            {
                At = now, Actor = actor, Action = AuditActions.CancelOperation, Target = $"operation {operationId}", Detail = $"{untouched} records left untouched",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCancelled(operationId, actor, untouched);
        }

        cancellations.Signal(operationId);
        return new OperationCancelResult(true, await lookup.FindAsync(operationId, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} cancelled by {Actor}; {Untouched} records released untouched")]
    private partial void LogCancelled(Guid operationId, string actor, int untouched);
}
