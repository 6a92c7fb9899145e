using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Cluster;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Recovery;

/// <summary>
/// At start-up, records a crash left in flight go back to the queue, keeping their idempotency key, so the
/// next attempt is deduplicated by the destination if the lost one had in fact arrived, and marked outcome-unknown
/// so a connector that can look records up is asked before sending. Nothing is lost. On a shared PostgreSQL store
/// other nodes may be working: only this node's own claims (a stable node id) and those of nodes whose lease ran
/// out are released.
/// </summary>
public sealed partial class InFlightRecovery(
    IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time, NodeIdentity node, ClaimRelease release, IOptions<ClusterOptions> cluster,
    ILogger<InFlightRecovery> logger)
{
    public const string InterruptedMessage = "SyncHub stopped while this attempt was out; the record was queued again with the same idempotency key.";

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        bool shared;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            shared = db.Database.IsPostgres();
        }

        var me = node.Id;
        var cutoff = time.GetUtcNow() - TimeSpan.FromSeconds(cluster.Value.LeaseSeconds);
        var recovered = await release.ReleaseAsync(
            db => shared
                ? db.WorkQueue.Where(w => w.ClaimedBy == null || w.ClaimedBy == me || !db.Nodes.Any(n => n.Id == w.ClaimedBy && n.HeartbeatAt >= cutoff))
                : db.WorkQueue,
            InterruptedMessage,
            cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered {Count} records left in flight by an unclean shutdown; they will be delivered again with the same idempotency keys")]
    private partial void LogRecovered(int count);
}
