using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Starts the runs whose time has come: retries of failed runs (trigger "retry", same mode and range) and
/// scheduled runs (incremental) of integrations whose schedule is on. An integration already running waits.
/// </summary>
public sealed class RunScheduler(IDbContextFactory<SyncHubDbContext> dbFactory, RunService runs, WriteGate writes, TimeProvider time)
{
    /// <summary>Starts and enqueues every due run; returns how many started.</summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var started = await StartDueRetriesAsync(cancellationToken);
        return started + await StartDueSchedulesAsync(cancellationToken);
    }

    private async Task<int> StartDueRetriesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Runs.AsNoTracking().Where(r => r.RetryDueAt != null && r.RetryDueAt <= now).OrderBy(r => r.RetryDueAt).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var original in due)
        {
            var request = new RunRequest(original.IntegrationId, RunTrigger.Retry, original.Mode, original.RangeFrom, original.RangeTo,
                "automatic retry", original.Id, original.RetryNumber + 1);
            var result = await runs.StartInBackgroundAsync(request, cancellationToken);
            if (result.AlreadyRunning is not null)
            {
                continue;
            }

            // Started, or can no longer start (the connector went away): either way this retry is spent.
            await writes.RunAsync(
                token => db.Runs.Where(r => r.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RetryDueAt, (DateTimeOffset?)null), token),
                cancellationToken);
            started += result.Started ? 1 : 0;
        }

        return started;
    }

    private async Task<int> StartDueSchedulesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scheduled = await db.Integrations.AsNoTracking().Where(i => i.Runs.ScheduleEnabled && i.Runs.Schedule != null && i.PausedAt == null)
            .Select(i => new { i.Id, i.Runs.Schedule, i.CreatedAt }).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var integration in scheduled)
        {
            var schedule = RunSchedule.Parse(integration.Schedule, out _);
            var last = await db.Runs.Where(r => r.IntegrationId == integration.Id && r.Trigger == RunTrigger.Scheduled)
                .MaxAsync(r => (DateTimeOffset?)r.StartedAt, cancellationToken);
            if (schedule?.NextAfter(last ?? integration.CreatedAt) is not { } next || next > now)
            {
                continue;
            }

            var result = await runs.StartInBackgroundAsync(new RunRequest(integration.Id, RunTrigger.Scheduled, RunMode.Incremental, StartedBy: "schedule"), cancellationToken);
            started += result.Started ? 1 : 0;
        }

        return started;
    }

    /// <summary>When an integration's next scheduled run is due, or null when it has no schedule.</summary>
    public async Task<DateTimeOffset?> NextScheduledAsync(int integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == integrationId, cancellationToken);
        if (integration is not { Runs.ScheduleEnabled: true } || RunSchedule.Parse(integration.Runs.Schedule, out _) is not { } schedule)
        {
            return null;
        }

        var last = await db.Runs.Where(r => r.IntegrationId == integrationId && r.Trigger == RunTrigger.Scheduled)
            .MaxAsync(r => (DateTimeOffset?)r.StartedAt, cancellationToken);
        return schedule.NextAfter(last ?? integration.CreatedAt);
    }
}
