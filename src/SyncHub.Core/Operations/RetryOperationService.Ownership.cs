using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

public sealed partial class RetryOperationService
{
    /// <summary>
    /// At start-up: takes over the operations a stopped process left running (this node's own, unowned ones, and those
    /// of nodes whose lease ran out) for the worker to resume. A live node's operations stay with it.
    /// </summary>
    public Task<List<Guid>> TakeOverUnfinishedAsync(CancellationToken cancellationToken) => TakeOverAsync(includeOwn: true, cancellationToken);

    /// <summary>While this node runs (with its heartbeat): takes over only the operations of nodes whose lease ran out.</summary>
    public Task<List<Guid>> TakeOverAbandonedAsync(CancellationToken cancellationToken) => TakeOverAsync(includeOwn: false, cancellationToken);

    private async Task<List<Guid>> TakeOverAsync(bool includeOwn, CancellationToken cancellationToken)
    {
        var me = owners.NodeId;
        var cutoff = owners.LeaseCutoff();
        List<Guid> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var running = db.RetryOperations.Where(o => o.Status == OperationStatus.Running);
            running = includeOwn
                ? running.Where(o => o.OwnerNode == null || o.OwnerNode == me || !db.Nodes.Any(n => n.Id == o.OwnerNode && n.HeartbeatAt >= cutoff))
                : running.Where(o => o.OwnerNode != null && o.OwnerNode != me && !db.Nodes.Any(n => n.Id == o.OwnerNode && n.HeartbeatAt >= cutoff));
            candidates = await running.OrderBy(o => o.CreatedAt).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var taken = new List<Guid>(candidates.Count);
        foreach (var operationId in candidates)
        {
            if (await TryTakeAsync(operationId, cancellationToken))
            {
                LogTakenOver(operationId, me);
                taken.Add(operationId);
            }
        }

        return taken;
    }

    /// <summary>
    /// Makes this node the operation's driver if it is still running and its owner is this node, no node, or a node
    /// whose lease ran out. One conditional UPDATE: of two nodes trying at once, one wins.
    /// </summary>
    private async Task<bool> TryTakeAsync(Guid operationId, CancellationToken cancellationToken)
    {
        var me = owners.NodeId;
        var cutoff = owners.LeaseCutoff();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var taken = await db.RetryOperations
            .Where(o => o.Id == operationId && o.Status == OperationStatus.Running
                && (o.OwnerNode == null || o.OwnerNode == me || !db.Nodes.Any(n => n.Id == o.OwnerNode && n.HeartbeatAt >= cutoff)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerNode, me), cancellationToken);
        return taken == 1;
    }

    /// <summary>Still running and still this node's to drive; another node that took it over drives it from now on.</summary>
    private async Task<(OperationStatus Status, bool Mine)> OwnershipAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.RetryOperations.Where(o => o.Id == operationId).Select(o => new { o.Status, o.OwnerNode }).SingleAsync(cancellationToken);
        return (state.Status, state.OwnerNode == owners.NodeId);
    }
}
