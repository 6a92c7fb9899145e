using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Breakers;
using SyncHub.Core.Cluster;
using SyncHub.Core.Delivery.Pipeline;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// The claim stage: takes up to a batch from a work source in one transaction, so a record is held by one worker only
/// (SQLite's writers take turns; PostgreSQL's claimers skip each other's locked queue rows). The claim opens each
/// record's sync-log entry, marks the record and its queue row held by the claim's token and node, and moves the counts;
/// integrations whose breaker is open or that are paused are left alone, and a half-open breaker gets one probe.
/// </summary>
internal sealed partial class BatchClaimer(
    EngineStore store, ClaimGate gate, ParentCheck parents, IntegrationSnapshots integrations, ActiveClaims active, BreakerRegistry breakers,
    NodeIdentity node, TimeProvider time, ILogger<BatchClaimer> logger)
{
    public async Task<List<ClaimedRecord>> ClaimAsync(WorkSource source, int limit, CancellationToken cancellationToken)
    {
        ClaimAdmission admission;
        if (!source.Gated)
        {
            admission = ClaimAdmission.Open;
        }
        else
        {
            await using var lease = await store.EnterAsync(cancellationToken);
            admission = await gate.AdmitAsync(lease.Db, cancellationToken);
        }

        var claimed = await ClaimOnceAsync(source, limit, admission.Excluded, null, cancellationToken);
        foreach (var target in admission.Probes)
        {
            if (await ClaimProbeAsync(source, target, cancellationToken) is { } probe)
            {
                claimed.Add(probe);
            }
        }

        return claimed;
    }

    private async Task<ClaimedRecord?> ClaimProbeAsync(WorkSource source, BreakerTarget target, CancellationToken cancellationToken)
    {
        if (!breakers.Probes.TryBegin(target))
        {
            return null;
        }

        ClaimedRecord? probe = null;
        try
        {
            var one = await ClaimOnceAsync(source, 1, [], target.IntegrationId, cancellationToken);
            probe = one.FirstOrDefault();
            if (probe is not null)
            {
                breakers.Probes.Assign(target, probe.Record.Id);
            }

            return probe;
        }
        finally
        {
            if (probe is null)
            {
                breakers.Probes.Cancel(target);
            }
        }
    }

    private async Task<List<ClaimedRecord>> ClaimOnceAsync(
        WorkSource source, int limit, IReadOnlyCollection<int> excluded, int? only, CancellationToken cancellationToken)
    {
        // Registered before the claim exists, so the stale-claim sweeper never mistakes a fresh claim for an abandoned one.
        var batch = new ClaimBatch(active);
        try
        {
            await using var lease = await store.EnterAsync(cancellationToken);
            var db = lease.Db;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            List<ClaimRow> rows;
            bool setAside;
            do
            {
                // Children set aside let the next records into the window: look again rather than claim nothing.
                var candidates = await ClaimStatements.CandidatesAsync(db, source, limit, excluded, only, now, cancellationToken);
                rows = source.ChecksParents && candidates.Count > 0 ? await parents.SetAsideWaitingAsync(db, candidates, now, cancellationToken) : candidates;
                setAside = rows.Count < candidates.Count;
            }
            while (setAside && rows.Count == 0);

            if (rows.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                batch.Holds(0);
                return [];
            }

            var operationId = source.Trigger == AttemptTrigger.ManualRetry ? source.OperationId : null;
            var attempts = await ClaimStatements.OpenAttemptsAsync(db, source, operationId, [.. rows.Select(r => r.Id)], now, cancellationToken);
            await ClaimStatements.MarkHeldAsync(db, attempts, batch.Token, node.Id, now, cancellationToken);
            await CountsOf(rows).ApplyAsync(db, cancellationToken);
            var snapshots = await integrations.LoadAsync(db, [.. rows.Select(r => r.IntegrationId).Distinct()], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch.Holds(rows.Count);
            LogClaimed(rows.Count, source.Trigger);
            return [.. rows.Select(r => new ClaimedRecord(r, snapshots[r.IntegrationId], attempts[r.Id], source.Trigger, batch) { OperationId = operationId, Decision = source.Decision })];
        }
        catch
        {
            batch.Holds(0);
            throw;
        }
    }

    private static RecordCountDeltas CountsOf(List<ClaimRow> rows)
    {
        var counts = new RecordCountDeltas();
        foreach (var row in rows)
        {
            counts.Move(new CountKey(row.IntegrationId, (RecordStatus)row.Status, row.Archived), new CountKey(row.IntegrationId, RecordStatus.InFlight, row.Archived));
        }

        return counts;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claimed {Count} records ({Trigger})")]
    private partial void LogClaimed(int count, AttemptTrigger trigger);
}
