using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Ends runs a stopped process left "running" as failed (and retries them by their policy); the records they had
/// staged but not delivered go out with the integration's next run. On a shared store only runs whose node is this
/// one or is dead are ended: a live node's run is still being driven.
/// </summary>
public sealed class RunRecovery(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, NodeOwnership owners, TimeProvider time)
{
    public const string InterruptedNote =
        "Interrupted: SyncHub stopped while this run was in progress. Progress so far is kept; undelivered records go out with the next run.";

    /// <summary>At start-up: this node's own interrupted runs, runs no node owns, and those of nodes whose lease ran out.</summary>
    public Task<int> RecoverAsync(CancellationToken cancellationToken) => RecoverAsync(includeOwn: true, cancellationToken);

    /// <summary>While this node runs (with its heartbeat): only the runs of nodes whose lease ran out; its own are live.</summary>
    public Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken) => RecoverAsync(includeOwn: false, cancellationToken);

    private async Task<int> RecoverAsync(bool includeOwn, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = owners.NodeId;
        var cutoff = owners.LeaseCutoff();
        var running = db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running);
        running = includeOwn
            ? running.Where(r => r.OwnerNode == null || r.OwnerNode == me || !db.Nodes.Any(n => n.Id == r.OwnerNode && n.HeartbeatAt >= cutoff))
            : running.Where(r => r.OwnerNode != null && r.OwnerNode != me && !db.Nodes.Any(n => n.Id == r.OwnerNode && n.HeartbeatAt >= cutoff));
        var interrupted = await running.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var integrations = await db.Integrations.AsNoTracking().ToDictionaryAsync(i => i.Id, cancellationToken);
        return await writes.RunAsync(token => EndAsync(db, interrupted, integrations, now, token), cancellationToken);
    }

    private static async Task<int> EndAsync(
        SyncHubDbContext db, List<SyncRun> interrupted, Dictionary<int, Integration> integrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = 0;
        foreach (var run in interrupted)
        {
            DateTimeOffset? retryDueAt = integrations.TryGetValue(run.IntegrationId, out var integration) && integration.Runs.RetryOnFailure
                && RunRetryDelays.Parse(integration.Runs.RetryDelays) is { } delays && run.RetryNumber < delays.Count
                ? now + delays[run.RetryNumber]
                : null;

            // Conditional, so two nodes sweeping at once end (and plan the retry of) each run once.
            var owner = run.OwnerNode;
            ended += await db.Runs.Where(r => r.Id == run.Id && r.Status == RunStatus.Running && r.OwnerNode == owner).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Note, InterruptedNote).SetProperty(r => r.RetryDueAt, retryDueAt),
                cancellationToken);
        }

        return ended;
    }
}
