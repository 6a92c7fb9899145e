using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery.Pipeline;

/// <summary>Claim ahead, send from memory: the next batch is claimed while the current one is out, and nothing is lost on the way.</summary>
public sealed class DeliveryPipelineTests
{
    [Fact]
    public async Task DrainDue_WhileTheFirstBatchIsOut_ClaimsTheNextOne()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2, concurrency: 1);
        await engine.CreateIntegrationAsync();
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await engine.IngestAsync("books", $"AHEAD-{i}"));
        }

        engine.Gateway.Hold();
        var draining = engine.Orchestrator.DrainDueAsync(CancellationToken.None);
        (await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();

        // One record is being sent; the claimer has filled the channel behind it from a second batch.
        (await WaitForAsync(() => InFlightAsync(engine), count => count >= 3)).ShouldBeGreaterThanOrEqualTo(3);
        engine.Gateway.Requests.Count.ShouldBe(1, "a single sender: the others wait in memory, claimed");

        engine.Gateway.Release();
        var result = await draining;

        (result.Attempted, result.Succeeded).ShouldBe((6, 6));
        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
            engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
        }
    }

    [Fact]
    public async Task DrainDue_Cancelled_HandsBackWhatWasClaimedButNotSent()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 4, concurrency: 1);
        await engine.CreateIntegrationAsync();
        for (var i = 0; i < 4; i++)
        {
            await engine.IngestAsync("books", $"STOP-{i}");
        }

        engine.Gateway.Hold();
        using var stopping = new CancellationTokenSource();
        var draining = engine.Orchestrator.DrainDueAsync(stopping.Token);
        (await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();

        await stopping.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(draining);

        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var records = await db.Records.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        // The call that was out may have landed: its record stays in flight for recovery, which looks it up first. The
        // others never left: they are handed back as they were, with no attempt recorded.
        records.Count(r => r.Status == RecordStatus.InFlight).ShouldBe(1);
        records.Count(r => r.Status == RecordStatus.Pending && r.ClaimToken == null).ShouldBe(3);
        (await db.WorkQueue.CountAsync(w => w.Lane == WorkLane.Delivery)).ShouldBe(3);
        (await db.Attempts.CountAsync()).ShouldBe(1);
        (await engine.RecoverAsync()).ShouldBe(1);
    }

    private static async Task<int> InFlightAsync(EngineHarness engine)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.CountAsync(r => r.Status == RecordStatus.InFlight);
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> read, Func<int, bool> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var value = await read();
        while (!done(value) && !limit.IsCancellationRequested)
        {
            await Task.Yield();
            value = await read();
        }

        return value;
    }
}
