using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Queues a reconciliation's missing and different records for delivery again, <see cref="ReconcileOptions.ResyncChunkSize"/>
/// per transaction, through tracked record saves (the way edits and run staging queue a record), each with a history
/// entry; the delivery job then sends them like any other. Each row is marked queued or left in the same transaction,
/// so a resync stopped by a restart is resumed where it was, never twice. Cancel stops between chunks.
/// </summary>
internal sealed partial class ResyncExecutor(
    IDbContextFactory<SyncHubDbContext> dbFactory, ReconcileQueue queue, WriteGate writes, TimeProvider time, IOptions<ReconcileOptions> options,
    ILogger<ResyncExecutor> logger)
{
    public async Task ExecuteAsync(long runId, CancellationToken stopping)
    {
        while (true)
        {
            if (queue.IsCancelRequested(runId))
            {
                await FinishAsync(runId, ReconcileResyncStatus.Cancelled, stopping);
                return;
            }

            var done = await ChunkAsync(runId, stopping);
            if (done < 0)
            {
                return;
            }

            if (done == 0)
            {
                await FinishAsync(runId, ReconcileResyncStatus.Completed, stopping);
                return;
            }
        }
    }

    /// <returns>Rows handled; 0 when none are left; -1 when the resync is not running.</returns>
    private async Task<int> ChunkAsync(long runId, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        using var gate = await writes.EnterAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var run = await db.ReconcileRuns.SingleOrDefaultAsync(r => r.Id == runId, token);
        if (run is not { ResyncStatus: ReconcileResyncStatus.Running })
        {
            return -1;
        }

        var rows = await db.ReconcileDifferences.Where(d => d.RunId == runId && d.Resyncable && d.Resync == DifferenceResync.None)
            .OrderBy(d => d.Id).Take(options.Value.ResyncChunkSize).ToListAsync(token);
        if (rows.Count == 0)
        {
            return 0;
        }

        var (held, named) = await RecordsAsync(db, run.IntegrationId, rows, token);
        var now = time.GetUtcNow();
        var actor = run.ResyncStartedBy ?? "unknown";
        var created = new List<(ReconcileDifference Row, SyncRecord Record)>();
        foreach (var row in rows)
        {
            var record = row.RecordId is { } id ? held.GetValueOrDefault(id) : named.GetValueOrDefault((row.EntityType, row.SourceId ?? ""));
            if (record is null && row.RecordId is null && row.SourcePayload is not null && row.SourceId is not null)
            {
                var fresh = ResyncRules.Create(row, run.IntegrationId, now);
                db.Records.Add(fresh);
                created.Add((row, fresh));
                Mark(run, row, DifferenceResync.Queued, null, now);
            }
            else if (record is null)
            {
                Mark(run, row, DifferenceResync.Left, "SyncHub no longer holds this record.", now);
            }
            else if (ResyncRules.Refusal(record, row) is { } refusal)
            {
                Mark(run, row, DifferenceResync.Left, refusal, now);
            }
            else
            {
                db.RecordChanges.Add(ResyncRules.Queue(record, row, runId, actor, now));
                row.RecordId = record.Id;
                Mark(run, row, DifferenceResync.Queued, null, now);
            }
        }

        await db.SaveChangesAsync(token);
        foreach (var (row, record) in created)
        {
            row.RecordId = record.Id;
            db.RecordChanges.Add(ResyncRules.Created(record, row, runId, actor, now));
        }

        await db.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
        return rows.Count;
    }

    private static async Task<(Dictionary<long, SyncRecord> Held, Dictionary<(string, string), SyncRecord> Named)> RecordsAsync(
        SyncHubDbContext db, int integrationId, List<ReconcileDifference> rows, CancellationToken token)
    {
        var ids = rows.Select(r => r.RecordId).OfType<long>().ToList();
        var held = ids.Count == 0 ? [] : await db.Records.Where(r => ids.Contains(r.Id) && r.IntegrationId == integrationId).ToDictionaryAsync(r => r.Id, token);

        // A record the source read found may have arrived since the comparison (ingest or a run): then it is queued, not created twice.
        var unheld = rows.Where(r => r.RecordId is null && r.SourceId is not null).ToList();
        var named = unheld.Count == 0 ? []
            : (await db.Records.Named([integrationId], [.. unheld.Select(r => r.EntityType).Distinct()], [.. unheld.Select(r => r.SourceId!).Distinct()])
                .ToListAsync(token)).ToDictionary(r => (r.EntityType, r.SourceId));
        return (held, named);
    }

    private static void Mark(ReconcileRun run, ReconcileDifference row, DifferenceResync outcome, string? note, DateTimeOffset now)
    {
        row.Resync = outcome;
        row.ResyncNote = note;
        row.ResyncAt = now;
        if (outcome == DifferenceResync.Queued)
        {
            run.ResyncQueued++;
        }
        else
        {
            run.ResyncLeft++;
        }
    }

    private async Task FinishAsync(long runId, ReconcileResyncStatus status, CancellationToken token)
    {
        queue.Forget(runId);
        await using var db = await dbFactory.CreateDbContextAsync(token);
        using var gate = await writes.EnterAsync(token);
        var run = await db.ReconcileRuns.SingleAsync(r => r.Id == runId, token);
        if (run.ResyncStatus != ReconcileResyncStatus.Running)
        {
            return;
        }

        run.ResyncStatus = status;
        run.ResyncFinishedAt = time.GetUtcNow();
        var left = run.ResyncLeft > 0 ? $"; {run.ResyncLeft:N0} left as they were, each with its reason" : "";
        run.ResyncNote = status == ReconcileResyncStatus.Cancelled
            ? $"Cancelled after queuing {run.ResyncQueued:N0}{left}; the rest was not touched."
            : $"Queued {run.ResyncQueued:N0} for delivery{left}.";
        await db.SaveChangesAsync(token);
        LogResynced(runId, run.ResyncQueued, run.ResyncLeft, status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync of reconciliation {RunId} ended {Status}: {Queued} queued, {Left} left")]
    private partial void LogResynced(long runId, int queued, int left, ReconcileResyncStatus status);
}
