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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsPostgres())
        {
            return await RecoverSharedAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Attempts.Where(a => a.Status == AttemptStatus.InFlight).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Status, AttemptStatus.Interrupted).SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Message, InterruptedMessage),
            cancellationToken);
        var recovered = await db.Records.Where(r => r.Status == RecordStatus.InFlight).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, now)
                .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.UpdatedAt, now)
                .SetProperty(r => r.OutcomeUnknown, true), // the lost attempt may have landed: look it up first
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        return recovered;
    }

    private async Task<int> RecoverSharedAsync(CancellationToken cancellationToken)
    {
        var me = node.Id;
        var cutoff = time.GetUtcNow() - TimeSpan.FromSeconds(cluster.Value.LeaseSeconds);
        var recovered = await release.ReleaseAsync(
            db => db.Records.Where(r => r.Status == RecordStatus.InFlight
                && (r.ClaimedBy == null || r.ClaimedBy == me || !db.Nodes.Any(n => n.Id == r.ClaimedBy && n.HeartbeatAt >= cutoff))),
            InterruptedMessage, cancellationToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered {Count} records left in flight by an unclean shutdown; they will be delivered again with the same idempotency keys")]
    private partial void LogRecovered(int count);
}
