using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Which node drives a running retry operation: one driver at a time, taken over when its node's lease runs out.
/// </summary>
public sealed partial class OperationOwnership(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, NodeOwnership owners, ILogger<OperationOwnership> logger)
{
    /// <summary>
    /// Takes over the running operations of nodes whose lease ran out, and with <paramref name="includeOwn"/> this
    /// node's own and unowned ones too (at start-up, what a stopped process left running). A live node's stay with it.
    /// </summary>
    public async Task<List<Guid>> TakeOverAsync(bool includeOwn, CancellationToken cancellationToken)
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
    public async Task<bool> TryTakeAsync(Guid operationId, CancellationToken cancellationToken)
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
    public async Task<(OperationStatus Status, bool Mine)> StateAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.RetryOperations.Where(o => o.Id == operationId).Select(o => new { o.Status, o.OwnerNode }).SingleAsync(cancellationToken);
        return (state.Status, state.OwnerNode == owners.NodeId);
    }

    /// <summary>Checked before each batch is claimed: a cancel, or a node that took the operation over, stops the claims.</summary>
    public async Task<bool> StillMineAsync(Guid operationId, CancellationToken cancellationToken)
    {
        var (status, mine) = await StateAsync(operationId, cancellationToken);
        return status == OperationStatus.Running && mine;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} taken over by node {NodeId}")]
    private partial void LogTakenOver(Guid operationId, string nodeId);
}
