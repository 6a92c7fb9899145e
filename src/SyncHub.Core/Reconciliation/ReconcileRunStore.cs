using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// A comparison's row: loads it with its integration, shows its progress (at most once a second, a short write), and
/// records how it ended with its differences, 500 rows per transaction so deliveries are never held up for long.
/// </summary>
internal sealed class ReconcileRunStore(IDbContextFactory<SyncHubDbContext> dbFactory, ReconcileSupport support, WriteGate writes, TimeProvider time)
{
    private const int RowsPerWrite = 500;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    /// <returns>The run still to compare with its integration's access, or null when it is not running any more.</returns>
    public async Task<(ReconcileRun Run, ReconcileAccess Access)?> LoadAsync(long runId, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var run = await db.ReconcileRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, token);
        if (run is not { Status: ReconcileStatus.Running })
        {
            return null;
        }

        var integration = await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == run.IntegrationId, token);
        return (run, support.Check(integration));
    }

    public async Task ReportAsync(ReconcileContext context, CancellationToken token)
    {
        var now = time.GetUtcNow();
        if (now - context.ReportedAt < ReportEvery)
        {
            return;
        }

        context.ReportedAt = now;
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var (id, phase, source, destination) = (context.Run.Id, ReconcileText.Clip(context.Phase, 200), context.SourceRecords, context.DestinationRecords);
        await writes.RunAsync(
            gated => db.ReconcileRuns.Where(r => r.Id == id && r.Status == ReconcileStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Phase, phase).SetProperty(r => r.SourceRecords, source).SetProperty(r => r.DestinationRecords, destination), gated),
            token);
    }

    /// <summary>Ends the run; only a completed comparison keeps its rows, and counts and rows commit before the status does.</summary>
    public async Task FinishAsync(ReconcileContext context, Comparison? comparison, ReconcileStatus status, string? note, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        if (status == ReconcileStatus.Completed && comparison is not null)
        {
            foreach (var chunk in comparison.Rows.Chunk(RowsPerWrite))
            {
                foreach (var row in chunk)
                {
                    row.RunId = context.Run.Id;
                }

                db.ReconcileDifferences.AddRange(chunk);
                await writes.RunAsync(db.SaveChangesAsync, token);
                db.ChangeTracker.Clear();
            }
        }

        await writes.RunAsync(
            async gated =>
            {
                var run = await db.ReconcileRuns.SingleAsync(r => r.Id == context.Run.Id, gated);
                run.Status = status;
                run.FinishedAt = time.GetUtcNow();
                run.Phase = null;
                run.Note = note is null ? null : ReconcileText.Clip(note, 2000);
                run.Truncated = context.Truncated;
                run.SourceRecords = context.SourceRecords;
                run.DestinationRecords = context.DestinationRecords;
                if (status == ReconcileStatus.Completed && comparison is not null)
                {
                    run.Matching = comparison.Matching;
                    run.Missing = comparison.Count(ReconcileDifferenceKind.Missing);
                    run.Different = comparison.Count(ReconcileDifferenceKind.Different);
                    run.Extra = comparison.Count(ReconcileDifferenceKind.Extra);
                    run.NotCompared = comparison.Count(ReconcileDifferenceKind.NotCompared);
                }

                await db.SaveChangesAsync(gated);
            },
            token);
    }
}
