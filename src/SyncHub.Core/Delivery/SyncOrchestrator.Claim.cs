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

    internal static IQueryable<long> Candidates(Data.SyncHubDbContext db, Expression<Func<SyncRecord, bool>> filter, int batch) =>
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

        await OpenAttemptsAsync(db, token, trigger, operationId, cancellationToken);
        var records = await db.Records.Include(r => r.Integration).Where(r => r.ClaimToken == token).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. records.Select(r => new ClaimedRecord(r, r.Integration!, r.LastAttemptId!.Value, trigger, token))];
    }

    /// <summary>
    /// Opens one in-flight log entry per record of the claim and points each record's last attempt at it, in two
    /// set-based statements whatever the batch size. Written per entity, the same work cost one prepared INSERT and
    /// one prepared UPDATE per record, the largest part of a claim. A new entry continues its record's chain: it is a
    /// retry of the record's last attempt and shares that attempt's original. Its start is the claim's time, which
    /// the claim has just written to the record.
    /// </summary>
    private static async Task OpenAttemptsAsync(
        Data.SyncHubDbContext db, Guid token, AttemptTrigger trigger, Guid? operationId, CancellationToken cancellationToken)
    {
        var (kind, inFlight) = ((int)trigger, (int)AttemptStatus.InFlight);
        var runId = trigger == AttemptTrigger.Run ? "r.\"RunId\"" : "NULL";
        var operation = operationId is null ? "NULL" : "{3}";
        var sql = $$"""
            INSERT INTO "SyncLog" ("RecordId", "IntegrationId", "Trigger", "Status", "RetryOfAttemptId", "OriginalAttemptId",
                                   "OperationId", "RunId", "PayloadVersion", "StartedAt")
            SELECT r."Id", r."IntegrationId", {1}, {2}, r."LastAttemptId", COALESCE(p."OriginalAttemptId", p."Id", r."LastAttemptId"),
                   {{operation}}, {{runId}}, r."PayloadVersion", r."UpdatedAt"
            FROM "Records" r LEFT JOIN "SyncLog" p ON p."Id" = r."LastAttemptId"
            WHERE r."ClaimToken" = {0}
            ORDER BY r."Id"
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [token, kind, inFlight, operationId ?? Guid.Empty], cancellationToken);
        await db.Records.Where(r => r.ClaimToken == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LastAttemptId, r => db.Attempts.Where(a => a.RecordId == r.Id && a.Status == AttemptStatus.InFlight).Max(a => (long?)a.Id)),
                cancellationToken);
    }
}
