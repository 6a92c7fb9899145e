using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Starts "Resync missing and different" for a completed reconciliation: its set (the resyncable rows) is fixed when it
/// starts, it runs once per reconciliation, never beside another comparison or resync of the integration, and it is audited.
/// </summary>
public sealed class ResyncService(IDbContextFactory<SyncHubDbContext> dbFactory, ReconcileQueue queue, WriteGate writes, TimeProvider time, NodeIdentity node)
{
    public async Task<ReconcileStartResult> StartAsync(long runId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ReconcileRun? run;
        using (await writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            run = await db.ReconcileRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null)
            {
                return new ReconcileStartResult(null, NotFound: true);
            }

            var refusal = Refusal(run);
            if (refusal is null && await ReconcileRuns.BusyAsync(db, run.IntegrationId, cancellationToken) is { } busy)
            {
                refusal = $"Reconciliation #{busy.Id} of this integration is still running; wait for it to end.";
            }

            if (refusal is not null)
            {
                return new ReconcileStartResult(run, Conflict: refusal);
            }

            var total = await db.ReconcileDifferences.CountAsync(d => d.RunId == runId && d.Resyncable, cancellationToken);
            if (total == 0)
            {
                return new ReconcileStartResult(run, Conflict: "Nothing to resync: no missing or different record of this reconciliation can be sent again.");
            }

            var now = time.GetUtcNow();
            run.ResyncStatus = ReconcileResyncStatus.Running;
            run.ResyncTotal = total;
            run.ResyncStartedBy = ReconcileText.Clip(actor, 256);
            run.ResyncStartedAt = now;
            run.OwnerNode = node.Id;
            db.AuditLog.Add(new AuditEntry
            {
                At = now, Actor = run.ResyncStartedBy, Action = ReconcileAuditActions.Resync, Target = ReconcileAuditActions.Target(run.Id),
                Detail = $"{total} missing and different records",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueAsync(new ReconcileWork(run.Id, Resync: true), cancellationToken);
        return new ReconcileStartResult(run);
    }

    private static string? Refusal(ReconcileRun run) => (run.Status, run.ResyncStatus) switch
    {
        (ReconcileStatus.Running, _) => "The comparison is still running; resync once it has completed.",
        (not ReconcileStatus.Completed, _) => $"The comparison ended {run.Status.ToString().ToLowerInvariant()} and found nothing to resync; reconcile again.",
        (_, ReconcileResyncStatus.None) => null,
        _ => $"This reconciliation was already resynced (started {run.ResyncStartedAt:yyyy-MM-dd HH:mm} UTC). Reconcile again to find what is still missing.",
    };
}
