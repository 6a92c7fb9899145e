using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Claims up to one batch with a single conditional UPDATE: a record is taken only if it still matches the
    /// filter, so a manual retry, an automatic retry and a first delivery can never hold the same record.
    /// The claim and the new sync-log entries commit together. On PostgreSQL the candidates are read in the claim's
    /// transaction with FOR UPDATE SKIP LOCKED, so nodes claiming at the same moment take disjoint batches instead
    /// of waiting for each other's rows; each claim names its node, whose heartbeat is the claim's lease.
    /// </summary>
    private async Task<List<ClaimedRecord>> ClaimAsync(
        Expression<Func<SyncRecord, bool>> filter, AttemptTrigger trigger, Guid? operationId, CancellationToken cancellationToken, int? limit = null)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = limit ?? _options.BatchSize;

        // SQLite: read outside the single-writer gate, so looking for work never holds up the writers.
        List<long>? candidates = null;
        if (!db.Database.IsPostgres())
        {
            candidates = await Candidates(db, filter, batch).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                return [];
            }
        }

        // Registered before the claim exists, so the stale-claim sweeper never mistakes a fresh claim for an abandoned one.
        var token = Guid.NewGuid();
        _activeClaims.Add(token);
        try
        {
            var claimed = await ClaimWithTokenAsync(db, filter, candidates, batch, token, trigger, operationId, cancellationToken);
            if (claimed.Count == 0)
            {
                _activeClaims.Remove(token);
            }

            return claimed;
        }
        catch
        {
            _activeClaims.Remove(token);
            throw;
        }
    }

    private static IQueryable<long> Candidates(Data.SyncHubDbContext db, Expression<Func<SyncRecord, bool>> filter, int batch) =>
        db.Records.Where(filter).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Select(r => r.Id).Take(batch);

    private async Task<List<ClaimedRecord>> ClaimWithTokenAsync(
        Data.SyncHubDbContext db, Expression<Func<SyncRecord, bool>> filter, List<long>? candidates, int batch, Guid token, AttemptTrigger trigger,
        Guid? operationId, CancellationToken cancellationToken)
    {
        using var gate = await _writes.EnterAsync(cancellationToken);
        var now = _time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        candidates ??= await Candidates(db, filter, batch).TagWith(SkipLockedInterceptor.Tag).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var node = _node.Id;
        var count = await db.Records.Where(filter).Where(r => candidates.Contains(r.Id))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RecordStatus.InFlight)
                    .SetProperty(r => r.ClaimToken, token)
                    .SetProperty(r => r.ClaimedBy, node)
                    .SetProperty(r => r.RetryOperationId, (Guid?)null)
                    .SetProperty(r => r.UpdatedAt, now),
                cancellationToken);
        if (count == 0)
        {
            return [];
        }

        var records = await db.Records.Include(r => r.Integration).Where(r => r.ClaimToken == token).ToListAsync(cancellationToken);
        var attempts = await OpenAttemptsAsync(db, records, trigger, operationId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. records.Select((r, i) => new ClaimedRecord(r, r.Integration!, attempts[i].Id, trigger, token))];
    }

    private static async Task<List<SyncAttempt>> OpenAttemptsAsync(
        Data.SyncHubDbContext db, List<SyncRecord> records, AttemptTrigger trigger, Guid? operationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previousIds = records.Where(r => r.LastAttemptId != null).Select(r => r.LastAttemptId!.Value).ToList();
        var origins = await db.Attempts.Where(a => previousIds.Contains(a.Id))
            .Select(a => new { a.Id, Origin = a.OriginalAttemptId ?? a.Id })
            .ToDictionaryAsync(a => a.Id, a => a.Origin, cancellationToken);
        var attempts = records.Select(r => new SyncAttempt
        {
            RecordId = r.Id,
            IntegrationId = r.IntegrationId,
            Trigger = trigger,
            Status = AttemptStatus.InFlight,
            RetryOfAttemptId = r.LastAttemptId,
            OriginalAttemptId = r.LastAttemptId is { } previous ? origins.GetValueOrDefault(previous, previous) : null,
            OperationId = operationId,
            RunId = trigger == AttemptTrigger.Run ? r.RunId : null,
            PayloadVersion = r.PayloadVersion,
            StartedAt = now,
        }).ToList();
        db.Attempts.AddRange(attempts);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < records.Count; i++)
        {
            records[i].LastAttemptId = attempts[i].Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return attempts;
    }
}
