using Shouldly;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

public sealed class ResyncTests
{
    [Fact]
    public async Task FullReimport_RereadsEverything_ButPostsNothingTwice()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("A", now.AddDays(-30)).Add("B", now.AddDays(-1));
        await engine.RunAsync(integration.Id);
        engine.Source.Add("C", now.AddDays(-40));

        var full = await engine.RunAsync(integration.Id, RunMode.Full, RunTrigger.Resync);

        engine.Source.Queries.Last().ChangedFrom.ShouldBeNull();
        (full.Created, full.Skipped).ShouldBe((1, 2));
        engine.Gateway.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task DateRange_ReadsOnlyTheWindow_AndLeavesTheCheckpoint()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("in", now.AddDays(-5)).Add("before", now.AddDays(-20)).Add("after", now.AddDays(-1));

        var run = await engine.RunAsync(integration.Id, RunMode.DateRange, RunTrigger.Resync, now.AddDays(-10), now.AddDays(-2));

        run.Created.ShouldBe(1);
        (await engine.RecordsAsync(integration.Id)).Single().SourceId.ShouldBe("in");
        (await engine.IntegrationAsync(integration.Id)).Checkpoint.ShouldBeNull();
    }

    [Fact]
    public async Task Resync_RespectsTheCutOffDate()
    {
        await using var engine = await EngineHarness.StartAsync();
        var now = engine.Time.GetUtcNow();
        var integration = await engine.CreateSourceIntegrationAsync(i => i.CutOffDate = now.AddDays(-7));
        engine.Source.Add("old", now.AddDays(-30)).Add("new", now.AddDays(-3));

        var full = await engine.RunAsync(integration.Id, RunMode.Full, RunTrigger.Resync);
        var range = await engine.RunAsync(integration.Id, RunMode.DateRange, RunTrigger.Resync, now.AddDays(-60), now);

        full.Created.ShouldBe(1);
        range.Created.ShouldBe(0);
        engine.Source.Queries.ShouldAllBe(q => q.ChangedFrom >= now.AddDays(-7));
        (await engine.RecordsAsync(integration.Id)).Single().SourceId.ShouldBe("new");
    }

    [Fact]
    public async Task DateRange_WithoutDates_IsRefusedNamingTheFields()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();

        var result = await engine.Get<RunService>().StartAsync(new RunRequest(integration.Id, RunTrigger.Resync, RunMode.DateRange), CancellationToken.None);

        result.Started.ShouldBeFalse();
        result.Errors!.ToDictionary().Keys.ShouldBe(["from", "to"], ignoreOrder: true);
    }

    [Fact]
    public async Task Run_OnAConnectorWithoutASource_IsRefused()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();

        var result = await engine.Get<RunService>().StartAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);

        result.Errors!.ToDictionary()["integration"][0].ShouldContain("cannot read from a source");
    }

    [Fact]
    public async Task SecondRun_WhileOneRuns_DoesNotStart()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var runs = engine.Get<RunService>();
        var first = await runs.StartAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);

        var second = await runs.StartAsync(new RunRequest(integration.Id, RunTrigger.Scheduled, RunMode.Incremental), CancellationToken.None);

        second.Started.ShouldBeFalse();
        second.AlreadyRunning!.Id.ShouldBe(first.Run!.Id);
    }
}
