using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Delivers a run's staged records through the engine and counts them. Expired credentials are refreshed once and the
/// refused records sent again; the run breaker halts the run when most of what it processed failed.
/// </summary>
public sealed class RunDelivery(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, SyncOrchestrator orchestrator, RunConnection connection)
{
    internal async Task<RunEnd?> DeliverAsync(RunContext context, List<StagedRecord> staged, CancellationToken stopping)
    {
        if (staged.Count == 0)
        {
            await SaveProgressAsync(context, stopping);
            return null;
        }

        await DeliverStagedAsync(context.Run.Id, stopping);
        var results = await ReadResultsAsync(staged, stopping);
        var refused = results.Where(r => r.Status == RecordStatus.Failed && r.LastErrorClass == ErrorClass.Authentication).Select(r => r.Id).ToList();
        if (refused.Count > 0)
        {
            if (!await connection.TryRefreshAsync(context, stopping))
            {
                RunTally.Count(context, staged, results);
                await SaveProgressAsync(context, stopping);
                return await connection.ExpireAsync(context, "HTTP 401 from the destination", stopping);
            }

            await RestageAsync(context.Run.Id, refused, stopping);
            await DeliverStagedAsync(context.Run.Id, stopping);
            results = await ReadResultsAsync(staged, stopping);
        }

        RunTally.Count(context, staged, results);
        await SaveProgressAsync(context, stopping);
        var waiting = results.Count(r => r.Status == RecordStatus.Pending);
        if (waiting > 0)
        {
            return RunEnd.Failed($"{waiting} records could not be sent now (the connection is paused or its circuit breaker is open). They wait and go out with the next run.");
        }

        return RunTally.BreakerNote(context) is { } note ? new RunEnd(RunStatus.Failed, note, BreakerTripped: true) : null;
    }

    /// <summary>Records a previous run staged but never delivered (it stopped first) go out with this one.</summary>
    internal async Task<List<StagedRecord>> CarryOverAsync(RunContext context, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var runId = context.Run.Id;
        var staged = db.WorkQueue.Where(w => w.Lane == WorkLane.Run && w.IntegrationId == context.Integration.Id && w.RunId != runId).Select(w => w.RecordId);
        var leftovers = await db.Records.Where(r => staged.Contains(r.Id) && r.Status == RecordStatus.Pending && r.NextAttemptAt == null)
            .Select(r => new { r.Id, Delivered = r.DeliveredAt != null }).ToListAsync(cancellationToken);
        if (leftovers.Count == 0)
        {
            return [];
        }

        var ids = leftovers.Select(l => l.Id).ToList();
        await RecordWrites.UpdateAsync(db, db.Records.Where(r => ids.Contains(r.Id)), s => s.SetProperty(r => r.RunId, runId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Notes.Add($"Took over {leftovers.Count} records an earlier run left undelivered.");
        return [.. leftovers.Select(l => new StagedRecord(l.Id, l.Delivered))];
    }

    private async Task DeliverStagedAsync(long runId, CancellationToken stopping)
    {
        while ((await orchestrator.DeliverRunAsync(runId, stopping)).Attempted > 0)
        {
        }
    }

    private async Task<List<(long Id, RecordStatus Status, ErrorClass? LastErrorClass)>> ReadResultsAsync(List<StagedRecord> staged, CancellationToken token)
    {
        var ids = staged.Select(s => s.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var rows = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, r.LastErrorClass }).ToListAsync(token);
        return [.. rows.Select(r => (r.Id, r.Status, r.LastErrorClass))];
    }

    private async Task RestageAsync(long runId, List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RecordWrites.UpdateAsync(
            db,
            db.Records.Where(r => ids.Contains(r.Id) && r.Status == RecordStatus.Failed),
            s => s.SetProperty(r => r.Status, RecordStatus.Pending).SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null).SetProperty(r => r.RunId, runId),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveProgressAsync(RunContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await writes.RunAsync(
            token => db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Created, run.Created).SetProperty(r => r.Updated, run.Updated)
                    .SetProperty(r => r.Skipped, run.Skipped).SetProperty(r => r.Failed, run.Failed),
                token),
            cancellationToken);
    }
}
