using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

/// <summary>A run, a manual retry and an automatic retry reaching for the same record send each version once.</summary>
public sealed class RunRaceTests
{
    [Fact]
    public async Task RunAndManualRetry_WhileAutomaticRetryHoldsTheRecord_SendNothingMore_NewVersionFollows()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (integration, id) = await FailedRecordWithANewVersionAtTheSourceAsync(engine);
        engine.Gateway.Hold();

        var automatic = engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        var manual = await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        var run = await engine.RunOnStillClockAsync(integration.Id);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2, "the first delivery and the held automatic retry");
        engine.Gateway.Release();
        await automatic;
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        manual.Total.ShouldBe(0);
        run.Processed.ShouldBe(1);
        run.Note.ShouldNotBeNull().ShouldContain("being sent by another worker");
        var requests = engine.Gateway.RequestsFor(id);
        requests.Count.ShouldBe(3);
        requests[^1].Body.ShouldContain("2");
        requests.Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(2, "one key per version");
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task RecordStagedByARun_IsNotTakenByManualOrAutomaticRetry()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (integration, id) = await FailedRecordWithANewVersionAtTheSourceAsync(engine);
        engine.Gateway.Hold();

        // The clock stands still, so the held call cannot time out while the others reach for the record.
        var run = engine.RunOnStillClockAsync(integration.Id);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        var manual = await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        var automatic = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        engine.Gateway.Release();
        var finished = await run;

        manual.Total.ShouldBe(0);
        automatic.Attempted.ShouldBe(0);
        finished.Created.ShouldBe(1);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2);
    }

    /// <summary>A run delivered record A and it failed; since then the source changed A and its automatic retry is due.</summary>
    private static async Task<(Integration Integration, long RecordId)> FailedRecordWithANewVersionAtTheSourceAsync(EngineHarness engine)
    {
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-10), """{"amount": 1}""");
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        await engine.RunAsync(integration.Id);
        var id = (await engine.RecordsAsync(integration.Id)).Single().Id;
        engine.Time.Advance(TimeSpan.FromMinutes(5));
        engine.Source.Add("A", engine.Time.GetUtcNow().AddMinutes(-1), """{"amount": 2}""");
        return (integration, id);
    }
}
