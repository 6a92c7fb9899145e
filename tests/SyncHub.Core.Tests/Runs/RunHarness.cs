using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Runs;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

/// <summary>Starts and executes runs against the engine harness; moves fake time on while a run waits.</summary>
internal static class RunHarness
{
    public static async Task<Integration> CreateSourceIntegrationAsync(this EngineHarness engine, Action<Integration>? change = null)
    {
        var integration = await engine.CreateIntegrationAsync("shop", connector: FakeSource.Name);
        if (change is not null)
        {
            await engine.UpdateIntegrationAsync(integration.Id, change);
        }

        return integration;
    }

    public static async Task<SyncRun> RunAsync(this EngineHarness engine, int integrationId, RunMode mode = RunMode.Incremental,
        RunTrigger trigger = RunTrigger.Manual, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var started = await engine.Get<RunService>().StartAsync(new RunRequest(integrationId, trigger, mode, from, to, "test"), CancellationToken.None);
        return await engine.ExecuteAsync(started.Run!.Id);
    }

    /// <summary>Starts and executes a run without moving the fake clock (for runs that never wait on it).</summary>
    public static async Task<SyncRun> RunOnStillClockAsync(this EngineHarness engine, int integrationId)
    {
        var started = await engine.Get<RunService>().StartAsync(new RunRequest(integrationId, RunTrigger.Manual, RunMode.Incremental, StartedBy: "test"), CancellationToken.None);
        return await engine.Get<RunExecutor>().ExecuteAsync(started.Run!.Id, CancellationToken.None);
    }

    /// <summary>Executes a run; while it waits on the clock (backoff, rate-limit pauses), fake time moves on a second at a time.</summary>
    public static async Task<SyncRun> ExecuteAsync(this EngineHarness engine, long runId)
    {
        var execution = engine.Get<RunExecutor>().ExecuteAsync(runId, CancellationToken.None);
        for (var i = 0; i < 100_000 && !execution.IsCompleted; i++)
        {
            // Drives the fake clock: the run's deadline timer is always armed, so waiting on the clock cannot be told
            // from working; a 2 ms yield lets the run reach its next wait before fake time moves on.
            await Task.WhenAny(execution, Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System));
            if (!execution.IsCompleted)
            {
                engine.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await execution;
    }

    public static async Task<Integration> IntegrationAsync(this EngineHarness engine, int id)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public static async Task<SyncRun> RunRecordAsync(this EngineHarness engine, long id)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public static async Task<List<SyncRecord>> RecordsAsync(this EngineHarness engine, int integrationId)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.AsNoTracking().Where(r => r.IntegrationId == integrationId).OrderBy(r => r.SourceId).ToListAsync();
    }
}
