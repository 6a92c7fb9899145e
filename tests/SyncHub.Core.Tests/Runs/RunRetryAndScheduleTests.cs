using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Runs;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

public sealed class RunRetryAndScheduleTests
{
    [Fact]
    public async Task FailedRun_IsRetriedAfter5m30m2h_AsNewRetryRuns_ThenGivesUp()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        for (var i = 0; i < 16; i++)
        {
            engine.Source.ThenReadFails(ErrorClass.ServerError, "down", 500);
        }

        var original = await engine.RunAsync(integration.Id);
        var chain = new List<SyncRun> { original };
        foreach (var delay in new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2) })
        {
            var previous = await engine.RunRecordAsync(chain[^1].Id);
            previous.RetryDueAt.ShouldBe(previous.FinishedAt + delay);
            engine.Time.SetUtcNow(previous.RetryDueAt!.Value - TimeSpan.FromSeconds(1));
            (await engine.Get<RunScheduler>().StartDueAsync(CancellationToken.None)).ShouldBe(0);
            engine.Time.Advance(TimeSpan.FromSeconds(1));
            (await engine.Get<RunScheduler>().StartDueAsync(CancellationToken.None)).ShouldBe(1);
            var retry = await LatestRunAsync(engine);
            retry.Trigger.ShouldBe(RunTrigger.Retry);
            retry.Mode.ShouldBe(RunMode.Incremental);
            retry.RetryOfRunId.ShouldBe(previous.Id);
            chain.Add(await engine.ExecuteAsync(retry.Id));
        }

        var last = await engine.RunRecordAsync(chain[^1].Id);
        last.RetryDueAt.ShouldBeNull();
        last.Note.ShouldNotBeNull().ShouldContain("All 3 automatic retries failed; the administrator was notified.");
        engine.Logs.Lines.ShouldContain(m => m.Contains("failed after all 3 automatic retries"));
    }

    [Fact]
    public async Task FailedRun_WithRetryOnFailureOff_IsNotRetried()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i => i.Runs.RetryOnFailure = false);
        engine.Source.ThenReadFails(ErrorClass.Validation, "bad query", 400);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Failed);
        (await engine.RunRecordAsync(run.Id)).RetryDueAt.ShouldBeNull();
    }

    [Fact]
    public async Task Schedule_Interval_StartsAScheduledRunWhenDue()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i =>
        {
            i.Runs.Schedule = "00:15:00";
            i.Runs.ScheduleEnabled = true;
        });
        var scheduler = engine.Get<RunScheduler>();

        engine.Time.Advance(TimeSpan.FromMinutes(14));
        (await scheduler.StartDueAsync(CancellationToken.None)).ShouldBe(0);
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        (await scheduler.StartDueAsync(CancellationToken.None)).ShouldBe(1);
        (await scheduler.StartDueAsync(CancellationToken.None)).ShouldBe(0);

        var run = await LatestRunAsync(engine);
        run.Trigger.ShouldBe(RunTrigger.Scheduled);
        (await scheduler.NextScheduledAsync(integration.Id, CancellationToken.None)).ShouldBe(run.StartedAt + TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Schedule_Cron_FiresOnItsTimes()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i =>
        {
            i.Runs.Schedule = "0 0 * * * ?";
            i.Runs.ScheduleEnabled = true;
        });

        var next = await engine.Get<RunScheduler>().NextScheduledAsync(integration.Id, CancellationToken.None);

        next.ShouldBe(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("00:00:30", "at least one minute")]
    [InlineData("every day", "neither an interval")]
    [InlineData("", "is required")]
    public void Schedule_Invalid_SaysWhy(string text, string message)
    {
        RunSchedule.Parse(text, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public async Task Recovery_RunLeftRunning_EndsFailedAndIsRetried()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var started = await engine.Get<RunService>().StartAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);

        (await engine.Get<RunRecovery>().RecoverAsync(CancellationToken.None)).ShouldBe(1);

        var run = await engine.RunRecordAsync(started.Run!.Id);
        run.Status.ShouldBe(RunStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldStartWith("Interrupted");
        run.RetryDueAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Cancel_StopsTheRunBeforeTheNextBatch()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-1));
        var runs = engine.Get<RunService>();
        var started = await runs.StartAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);

        (await runs.CancelAsync(started.Run!.Id, CancellationToken.None)).ShouldBeTrue();
        var run = await engine.ExecuteAsync(started.Run.Id);

        run.Status.ShouldBe(RunStatus.Cancelled);
        engine.Gateway.Requests.ShouldBeEmpty();
        (await runs.CancelAsync(run.Id, CancellationToken.None)).ShouldBeFalse();
    }

    private static async Task<SyncRun> LatestRunAsync(EngineHarness engine)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Runs.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
    }
}
