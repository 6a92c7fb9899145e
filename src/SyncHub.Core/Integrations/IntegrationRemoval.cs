using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Deletes an integration with everything that is only its own: records (and with them their attempts), record
/// changes, duplicate reviews and runs. Only a paused integration with nothing in flight goes, in one transaction
/// under the write gate, so no worker holds one of its records meanwhile. Records are removed as tracked entities
/// in batches, like every other change of a record; the audit entry (which outlives it) is written in the same transaction.
/// </summary>
public sealed class IntegrationRemoval(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    private const int BatchSize = 500;

    public async Task<RemoveIntegrationResult> RemoveAsync(string slug, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
        if (integration is null)
        {
            return new RemoveIntegrationResult(RemoveIntegrationOutcome.NotFound);
        }

        if (integration.PausedAt is null)
        {
            return new RemoveIntegrationResult(RemoveIntegrationOutcome.NotPaused, Message:
                $"Pause '{slug}' first, so nothing is sent or started for it while it is deleted.");
        }

        if (await BusyAsync(db, integration.Id, cancellationToken) is { } busy)
        {
            return new RemoveIntegrationResult(RemoveIntegrationOutcome.Busy, Message: busy);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        while (true)
        {
            var records = await db.Records.Where(r => r.IntegrationId == integration.Id).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (records.Count == 0)
            {
                break;
            }

            var ids = records.Select(r => r.Id).ToList();
            await db.RecordChanges.Where(c => ids.Contains(c.RecordId)).ExecuteDeleteAsync(cancellationToken);
            db.Records.RemoveRange(records);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            removed += records.Count;
        }

        await db.DuplicateReviews.Where(r => r.IntegrationId == integration.Id).ExecuteDeleteAsync(cancellationToken);
        db.Integrations.Remove(await db.Integrations.SingleAsync(i => i.Id == integration.Id, cancellationToken));
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Length > 256 ? actor[..256] : actor,
            Action = IntegrationAuditActions.Delete,
            Target = IntegrationAuditActions.Target(slug),
            Detail = $"{integration.Name} ({integration.Connector}); {removed} records deleted with it",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RemoveIntegrationResult(RemoveIntegrationOutcome.Removed, removed);
    }

    private static async Task<string?> BusyAsync(SyncHubDbContext db, int integrationId, CancellationToken cancellationToken)
    {
        if (await db.Records.AnyAsync(r => r.IntegrationId == integrationId && (r.Status == RecordStatus.InFlight || r.RetryOperationId != null), cancellationToken))
        {
            return "Some of its records are being delivered or are queued by a retry operation; cancel the operation or wait for it to end.";
        }

        return await db.Runs.AnyAsync(r => r.IntegrationId == integrationId && r.Status == RunStatus.Running, cancellationToken)
            ? "A run of it is running; cancel it or wait for it to end."
            : null;
    }
}
