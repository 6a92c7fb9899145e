using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

/// <summary>A record fed by sync runs that fails in three separate runs becomes a dead letter, whatever its error class.</summary>
public sealed class RunDeadLetterTests
{
    [Fact]
    public async Task FailingInThreeRuns_MakesTheRecordADeadLetter_AndLaterRunsLeaveItAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i => i.Runs.RetryOnFailure = false);
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("R1", now.AddMinutes(-10));
        for (var i = 0; i < 4; i++)
        {
            // 422 is never retried automatically, so without the run rule this record would stay failed for ever.
            engine.Gateway.ThenFail(ErrorClass.Validation, "Field 'amount' is invalid", 422);
        }

        var statuses = new List<(RecordStatus Status, int FailedRuns)>();
        long lastRun = 0;
        for (var run = 0; run < 3; run++)
        {
            lastRun = (await RangeRunAsync(engine, integration.Id, now)).Id;
            var record = (await engine.RecordsAsync(integration.Id)).Single();
            statuses.Add((record.Status, record.FailedRuns));
        }

        statuses.ShouldBe([(RecordStatus.Failed, 1), (RecordStatus.Failed, 2), (RecordStatus.DeadLetter, 3)]);
        var log = await engine.Get<RunsQuery>().ErrorLogAsync(lastRun, 10, CancellationToken.None);
        log.Single().ShouldSatisfyAllConditions(
            e => e.RecordStatus.ShouldBe(RecordStatus.DeadLetter),
            e => e.FailedRuns.ShouldBe(3));

        var fourth = await RangeRunAsync(engine, integration.Id, now);
        engine.Gateway.Requests.Count.ShouldBe(3);
        (fourth.Skipped, fourth.Failed).ShouldBe((1, 0));
        (await engine.RecordsAsync(integration.Id)).Single().Status.ShouldBe(RecordStatus.DeadLetter);
    }

    [Fact]
    public async Task ADeliveryBetweenRuns_StartsTheCountAgain()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i => i.Runs.RetryOnFailure = false);
        var now = engine.Time.GetUtcNow();
        engine.Source.Add("R1", now.AddMinutes(-10));
        engine.Gateway.ThenFail(ErrorClass.Validation, "bad", 422);
        engine.Gateway.ThenFail(ErrorClass.Validation, "bad", 422);

        await RangeRunAsync(engine, integration.Id, now);
        await RangeRunAsync(engine, integration.Id, now);
        await RangeRunAsync(engine, integration.Id, now);

        var record = (await engine.RecordsAsync(integration.Id)).Single();
        (record.Status, record.FailedRuns).ShouldBe((RecordStatus.Delivered, 0));
    }

    private static Task<SyncRun> RangeRunAsync(EngineHarness engine, int integrationId, DateTimeOffset now) =>
        engine.RunAsync(integrationId, RunMode.DateRange, from: now.AddHours(-1), to: now);
}
