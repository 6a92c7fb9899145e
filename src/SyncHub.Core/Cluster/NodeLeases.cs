using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Recovery;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Cluster;

/// <summary>
/// Node heartbeats on a shared store. A beat renews this node's lease on everything it has claimed; a node whose
/// beats stop for longer than the lease is dead, and any node releases its claims so the others deliver them.
/// </summary>
public sealed partial class NodeLeases(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, NodeIdentity node, ClaimRelease release, TimeProvider time,
    IOptions<ClusterOptions> options, ILogger<NodeLeases> logger)
{
    /// <summary>Records or renews this node's heartbeat. Must run before the node claims anything.</summary>
    public Task BeatAsync(CancellationToken cancellationToken) => writes.RunAsync(BeatGatedAsync, cancellationToken);

    /// <summary>Releases the claims of nodes whose lease ran out, and forgets nodes silent for ten leases.</summary>
    public async Task<int> ReleaseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var me = node.Id;
        var released = await release.ReleaseAsync(
            db => db.WorkQueue.Where(w => w.ClaimedBy != me && !db.Nodes.Any(n => n.Id == w.ClaimedBy && n.HeartbeatAt >= cutoff)),
            ClaimRelease.NodeLostMessage, cancellationToken);
        if (released > 0)
        {
            LogReleased(released);
        }

        var forgotten = now - TimeSpan.FromSeconds(options.Value.LeaseSeconds * 10);
        await writes.RunAsync(
            async token =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(token);
                await db.Nodes.Where(n => n.HeartbeatAt < forgotten && !db.WorkQueue.Any(w => w.ClaimedBy == n.Id && w.Lane == WorkLane.Claimed))
                    .ExecuteDeleteAsync(token);
            },
            cancellationToken);
        return released;
    }

    private async Task BeatGatedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Nodes.Where(n => n.Id == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.HeartbeatAt, now), cancellationToken);
        if (renewed == 0)
        {
            db.Nodes.Add(new SyncHubNode { Id = node.Id, HostName = Environment.MachineName, StartedAt = now, HeartbeatAt = now });
            await db.SaveChangesAsync(cancellationToken);
            LogJoined(node.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} joined the cluster")]
    private partial void LogJoined(string nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} records claimed by nodes whose lease expired; they will be delivered again with the same idempotency keys")]
    private partial void LogReleased(int count);
}
