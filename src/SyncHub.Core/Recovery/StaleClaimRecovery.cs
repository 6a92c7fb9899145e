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
    IDbContextFactory<SyncHubDbContext> dbFactory, ActiveClaims activeClaims, WriteGate writes, TimeProvider time, NodeIdentity node,
    IOptions<DeliveryOptions> options, ILogger<StaleClaimRecovery> logger)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(options.Value.StaleClaimMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inFlight = db.Records.AsNoTracking().Where(r => r.Status == RecordStatus.InFlight && r.UpdatedAt < cutoff);
        if (db.Database.IsPostgres())
        {
            var me = node.Id;
            inFlight = inFlight.Where(r => r.ClaimedBy == null || r.ClaimedBy == me);
        }

        var stale = (await inFlight
                .Select(r => new { r.Id, r.ClaimToken }).ToListAsync(cancellationToken))
            .Where(r => r.ClaimToken is not { } token || !activeClaims.Contains(token)).ToList();
        if (stale.Count == 0)
        {
            return 0;
        }

        var ids = stale.Select(r => r.Id).ToList();
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Attempts.Where(a => ids.Contains(a.RecordId) && a.Status == AttemptStatus.InFlight).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Status, AttemptStatus.Interrupted).SetProperty(a => a.FinishedAt, now)
                .SetProperty(a => a.Message, "The result of this attempt could not be recorded; the record was queued again with the same idempotency key."),
            cancellationToken);
        var recovered = await db.Records.Where(r => ids.Contains(r.Id) && r.Status == RecordStatus.InFlight && r.UpdatedAt < cutoff)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, now)
                    .SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.OutcomeUnknown, true),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRecovered(recovered);
        return recovered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} records again whose delivery result could not be recorded (abandoned claims)")]
    private partial void LogRecovered(int count);
}
