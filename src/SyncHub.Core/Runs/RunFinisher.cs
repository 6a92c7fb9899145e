using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Writes a run's end: status, counts, note; moves the checkpoint past a completed incremental or full run
/// (failed records are already in the failed queue, so nothing is lost by moving on); plans a retry of a
/// failed or timed-out run when the integration asks for it, and notifies when the run breaker tripped or no retry is left.
/// </summary>
public sealed partial class RunFinisher(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, RunCancellations cancellations, INotifier notifier,
    ILogger<RunFinisher> logger)
{
    internal async Task<SyncRun> FinishAsync(RunContext context, RunEnd end, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = end.Status == RunStatus.Succeeded && context.Run.Failed > 0 ? RunStatus.CompletedWithErrors : end.Status;
        var notes = new List<string>(context.Notes);
        if (context.HandedOver > 0)
        {
            notes.Add($"{context.HandedOver} changed records were being sent by another worker; their new versions go out right after.");
        }

        if (end.Note is not null)
        {
            notes.Insert(0, end.Note);
        }

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        using var gate = await writes.EnterAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var run = await db.Runs.SingleAsync(r => r.Id == context.Run.Id, CancellationToken.None);
        var integration = await db.Integrations.SingleAsync(i => i.Id == run.IntegrationId, CancellationToken.None);
        run.Status = status;
        run.FinishedAt = now;
        run.Created = context.Run.Created;
        run.Updated = context.Run.Updated;
        run.Skipped = context.Run.Skipped;
        run.Failed = context.Run.Failed;
        if (status is RunStatus.Succeeded or RunStatus.CompletedWithErrors && run.Mode != RunMode.DateRange && context.WindowTo is { } reached)
        {
            integration.Checkpoint = reached;
        }

        var final = false;
        if (status is RunStatus.Failed or RunStatus.TimedOut)
        {
            var plan = RunRetryPlan.For(run, integration, now);
            if (plan.Exhausted)
            {
                LogRetriesExhausted(run.Id, integration.Slug, plan.Retries);
            }

            final = plan.Final;
            notes.Add(plan.Note);
        }

        var note = string.Join(" ", notes);
        run.Note = note.Length == 0 ? null : note.Length <= 2000 ? note : note[..1999] + "…";
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        cancellations.Forget(run.Id);
        LogFinished(run.Id, integration.Slug, run.Status, run.Created, run.Updated, run.Skipped, run.Failed);
        if (end.BreakerTripped)
        {
            notifier.Notify(EngineNotifications.RunBreakerTripped(run, integration.Slug, end.Note!));
        }

        if (final)
        {
            notifier.Notify(EngineNotifications.RunFailed(run, integration.Slug));
        }

        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Integration} finished {Status}: {Created} created, {Updated} updated, {Skipped} skipped, {Failed} failed")]
    private partial void LogFinished(long runId, string integration, RunStatus status, int created, int updated, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} of {Integration} failed after all {Retries} automatic retries; an administrator must look at it")]
    private partial void LogRetriesExhausted(long runId, string integration, int retries);
}
