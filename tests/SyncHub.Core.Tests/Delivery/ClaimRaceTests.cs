using Shouldly;
using SyncHub.Core.Operations;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>One worker per record: a manual and an automatic retry reaching for the same record send it once.</summary>
public sealed class ClaimRaceTests
{
    [Fact]
    public async Task ManualAndAutomaticRetry_SameRecordAtOnce_ExactlyOneAttemptGoesOut()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        engine.Gateway.Hold();

        // The automatic retry claims the record and is held inside the gateway call...
        var automatic = engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));

        // ...so a manual retry of the same record finds nothing to take.
        var manual = await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        engine.Gateway.Release();
        await automatic;

        manual.Total.ShouldBe(0);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2, "the first delivery and one retry");
    }

    [Fact]
    public async Task TwoAutomaticRetryWorkers_SameDueRecords_EachRecordSentOnce()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 20);
        engine.Time.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(
            engine.Orchestrator.RetryDueAsync(CancellationToken.None),
            engine.Orchestrator.RetryDueAsync(CancellationToken.None),
            engine.Orchestrator.RetryDueAsync(CancellationToken.None));

        foreach (var id in ids)
        {
            engine.Gateway.RequestsFor(id).Count.ShouldBe(2);
        }
    }
}
