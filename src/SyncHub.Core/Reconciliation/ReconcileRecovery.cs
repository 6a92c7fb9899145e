using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// At start-up, work a stopped process left running, its own or that of a node whose lease ran out: a comparison ends as
/// failed (its partial rows are removed; start it again), a resync is resumed where it stopped (each row records whether
/// it was handled, so nothing is queued twice).
/// </summary>
public sealed class ReconcileRecovery(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, ReconcileQueue queue, NodeOwnership owners, TimeProvider time)
{
    public const string InterruptedNote = "Interrupted: SyncHub stopped while this comparison was running; nothing was recorded. Reconcile again.";

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (me, cutoff, now) = (owners.NodeId, owners.LeaseCutoff(), time.GetUtcNow());
        var orphaned = await db.ReconcileRuns
            .Where(r => (r.Status == ReconcileStatus.Running || r.ResyncStatus == ReconcileResyncStatus.Running)
                && (r.OwnerNode == null || r.OwnerNode == me || !db.Nodes.Any(n => n.Id == r.OwnerNode && n.HeartbeatAt >= cutoff)))
            .Select(r => new { r.Id, r.Status, r.OwnerNode }).ToListAsync(cancellationToken);
        var recovered = 0;
        foreach (var run in orphaned)
        {
            // Conditional on the owner read above, so of two nodes starting at once one takes each run.
            var owner = run.OwnerNode;
            if (run.Status == ReconcileStatus.Running)
            {
                recovered += await writes.RunAsync(
                    async token =>
                    {
                        await db.ReconcileDifferences.Where(d => d.RunId == run.Id).ExecuteDeleteAsync(token);
                        return await db.ReconcileRuns.Where(r => r.Id == run.Id && r.Status == ReconcileStatus.Running && r.OwnerNode == owner)
                            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReconcileStatus.Failed).SetProperty(r => r.FinishedAt, now)
                                .SetProperty(r => r.Phase, (string?)null).SetProperty(r => r.Note, InterruptedNote), token);
                    },
                    cancellationToken);
            }
            else if (await writes.RunAsync(
                token => db.ReconcileRuns.Where(r => r.Id == run.Id && r.ResyncStatus == ReconcileResyncStatus.Running && r.OwnerNode == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.OwnerNode, me), token),
                cancellationToken) == 1)
            {
                await queue.EnqueueAsync(new ReconcileWork(run.Id, Resync: true), cancellationToken);
                recovered++;
            }
        }

        return recovered;
    }
}
