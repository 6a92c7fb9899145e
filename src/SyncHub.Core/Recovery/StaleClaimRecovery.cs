using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Cluster;
using SyncHub.Core.Delivery;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Recovery;

/// <summary>
/// While SyncHub runs: records left in flight by a worker that could not write their result (a full disk, a
/// database error) are queued again once their claim is old and no worker holds it, with the same idempotency
/// key and marked outcome-unknown, exactly as a restart would. Nothing waits for a restart. On a shared store
/// only this node's claims are judged here: another live node's claims are its own business, a dead node's are
/// released by <see cref="NodeLeases"/>.
/// </summary>
public sealed partial class StaleClaimRecovery(
    IDbContextFactory<SyncHubDbContext> dbFactory, ActiveClaims activeClaims, ClaimRelease release, TimeProvider time, NodeIdentity node,
    IOptions<DeliveryOptions> options, ILogger<StaleClaimRecovery> logger)
{
    public const string UnrecordedMessage = "The result of this attempt could not be recorded; the record was queued again with the same idempotency key.";

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.StaleClaimMinutes);
        List<long> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The claimed rows are few (what is in flight), read from the queue's lane index.
            var claims = db.WorkQueue.AsNoTracking().Where(w => w.Lane == WorkLane.Claimed && w.DueAt < cutoff);
            if (db.Database.IsPostgres())
            {
                var me = node.Id;
                claims = claims.Where(w => w.ClaimedBy == null || w.ClaimedBy == me);
            }

            stale = [.. (await claims.Select(w => new { w.RecordId, w.ClaimToken }).ToListAsync(cancellationToken))
                .Where(w => w.ClaimToken is not { } token || !activeClaims.Contains(token)).Select(w => w.RecordId)];
        }

        if (stale.Count == 0)
        {
            return 0;
        }

        var recovered = await release.ReleaseAsync(db => db.WorkQueue.Where(w => EF.Parameter(stale).Contains(w.RecordId) && w.DueAt < cutoff), UnrecordedMessage, cancellationToken);
        LogRecovered(recovered);
        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} records again whose delivery result could not be recorded (abandoned claims)")]
    private partial void LogRecovered(int count);
}
