using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

public sealed class IncrementalRunTests
{
    [Fact]
    public async Task Run_NewSourceRecords_DeliversAndCountsThemCreated()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("A", now.AddHours(-3)).Add("B", now.AddHours(-2)).Add("C", now.AddHours(-1));

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        (run.Created, run.Updated, run.Skipped, run.Failed).ShouldBe((3, 0, 0, 0));
        run.FinishedAt.ShouldNotBeNull();
        (await engine.RecordsAsync(integration.Id)).ShouldAllBe(r => r.Status == RecordStatus.Delivered && r.RunId == run.Id);
        (await engine.IntegrationAsync(integration.Id)).Checkpoint.ShouldBe(run.StartedAt);
    }

    [Fact]
    public async Task SecondRun_ReadsOnlySinceTheCheckpoint_AndSendsNothingTwice()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddHours(-1));
        var first = await engine.RunAsync(integration.Id);
        engine.Time.Advance(TimeSpan.FromHours(1));
        engine.Source.Add("B", engine.Time.GetUtcNow().AddMinutes(-10));

        var second = await engine.RunAsync(integration.Id);

        engine.Source.Queries.Last().ChangedFrom.ShouldBe(first.StartedAt);
        second.CheckpointFrom.ShouldBe(first.StartedAt);
        (second.Created, second.Updated, second.Skipped).ShouldBe((1, 0, 0));
        engine.Gateway.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Run_ChangedRecord_IsDeliveredAsAnUpdateUnderANewKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddHours(-1), """{"amount": 1}""");
        await engine.RunAsync(integration.Id);
        engine.Time.Advance(TimeSpan.FromHours(1));
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5), """{"amount": 2}""");

        var run = await engine.RunAsync(integration.Id);

        (run.Created, run.Updated).ShouldBe((0, 1));
        var keys = engine.Gateway.Requests.Select(r => r.IdempotencyKey).ToList();
        keys.Count.ShouldBe(2);
        keys.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Run_SomeRecordsFail_CompletesWithErrors_FailuresQueued_CheckpointMovesOn()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            engine.Source.Add($"R{i}", now.AddMinutes(-50 + i));
        }

        engine.Gateway.Then(DeliveryOutcome.Delivered()).ThenFail(ErrorClass.Validation, "Field 'email' is required", 422);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.CompletedWithErrors);
        (run.Created, run.Failed).ShouldBe((4, 1));
        (await engine.RecordsAsync(integration.Id)).Count(r => r.Status == RecordStatus.Failed).ShouldBe(1);
        (await engine.IntegrationAsync(integration.Id)).Checkpoint.ShouldBe(run.StartedAt);
    }

    [Fact]
    public async Task Run_SourceSendsUnexpectedStructure_SkipsAndLogsIt_TheRestContinue()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("good-1", now.AddMinutes(-3)).Add("bad", now.AddMinutes(-2), """["not", "an", "object"]""").Add("good-2", now.AddMinutes(-1));

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        (run.Created, run.Skipped).ShouldBe((2, 1));
        var bad = (await engine.RecordsAsync(integration.Id)).Single(r => r.SourceId == "bad");
        bad.Status.ShouldBe(RecordStatus.Skipped);
        bad.LastErrorClass.ShouldBe(ErrorClass.SchemaMismatch);
        (await engine.AttemptsAsync(bad.Id)).Single().RunId.ShouldBe(run.Id);
        engine.Gateway.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Run_DeadLetterUnchanged_IsExcluded()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i => i.Retry.MaxAutomaticAttempts = 0);
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-5));
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        await engine.RunAsync(integration.Id);
        (await engine.RecordsAsync(integration.Id)).Single().Status.ShouldBe(RecordStatus.DeadLetter);

        var full = await engine.RunAsync(integration.Id, RunMode.Full, RunTrigger.Resync);

        (full.Created, full.Skipped, full.Failed).ShouldBe((0, 1, 0));
        engine.Gateway.Requests.Count.ShouldBe(1);
    }
}
