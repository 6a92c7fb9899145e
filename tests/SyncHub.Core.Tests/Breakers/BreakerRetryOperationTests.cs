using Shouldly;
using SyncHub.Core.Breakers;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using static SyncHub.Core.Tests.Breakers.BreakerDeliveryTests;

namespace SyncHub.Core.Tests.Breakers;

/// <summary>Manual retry operations behind an open breaker wait (on the clock, not spinning) instead of failing records.</summary>
public sealed class BreakerRetryOperationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RetryAll_BreakerOpen_WaitsUntilTheProbeThenCompletes()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var ids = await TripAsync(engine, "books");
        var tripAt = engine.Time.GetUtcNow();
        var operation = await engine.Operations.StartAsync(RetryScope.All(), None);
        var before = engine.Gateway.Requests.Count;
        var wait = engine.Get<OperationBreakerWait>();

        var run = engine.Operations.RunAsync(operation.Id, None);
        await Eventually.TrueAsync(() => wait.WaitingUntil(operation.Id) is not null || run.IsCompleted, "the operation to wait for the breaker or finish", TimeSpan.FromSeconds(20));

        run.IsCompleted.ShouldBeFalse();
        wait.WaitingUntil(operation.Id).ShouldBe(tripAt.AddSeconds(30));
        engine.Gateway.Requests.Count.ShouldBe(before);
        foreach (var id in ids)
        {
            var record = await engine.RecordAsync(id);
            record.Status.ShouldBe(RecordStatus.Failed);
            record.RetryOperationId.ShouldBe(operation.Id);
            (await engine.AttemptsAsync(id)).Count.ShouldBe(1);
        }

        engine.Time.Advance(TimeSpan.FromSeconds(30));
        var finished = await run.WaitAsync(TimeSpan.FromSeconds(30));

        finished.Status.ShouldBe(OperationStatus.Completed);
        finished.Succeeded.ShouldBe(5);
        finished.Failed.ShouldBe(0);
        wait.WaitingUntil(operation.Id).ShouldBeNull();
        Registry(engine).Describe(BreakerTarget.Of(books)).Integration.State.ShouldBe(BreakerState.Closed);
    }

    [Fact]
    public async Task RetryAll_ProbeFails_KeepsWaitingWithoutFailingTheOtherRecords()
    {
        await using var engine = await StartAsync();
        await engine.CreateIntegrationAsync("books");
        await TripAsync(engine, "books");
        var operation = await engine.Operations.StartAsync(RetryScope.All(), None);
        var wait = engine.Get<OperationBreakerWait>();
        var run = engine.Operations.RunAsync(operation.Id, None);
        await Eventually.TrueAsync(() => wait.WaitingUntil(operation.Id) is not null, "the operation to wait for the breaker", TimeSpan.FromSeconds(20));
        FailNext(engine, 1);
        var before = engine.Gateway.Requests.Count;

        engine.Time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => wait.WaitingUntil(operation.Id) == engine.Time.GetUtcNow().AddSeconds(60), "the operation to wait 60 s for the breaker again", TimeSpan.FromSeconds(20));

        engine.Gateway.Requests.Count.ShouldBe(before + 1);
        run.IsCompleted.ShouldBeFalse();
        engine.Time.Advance(TimeSpan.FromSeconds(60));
        var finished = await run.WaitAsync(TimeSpan.FromSeconds(30));
        finished.Failed.ShouldBe(1);
        finished.Succeeded.ShouldBe(4);
    }

    [Fact]
    public async Task Cancel_WhileWaitingForAnOpenBreaker_EndsTheWaitAndReleasesEveryRecord()
    {
        await using var engine = await StartAsync();
        await engine.CreateIntegrationAsync("books");
        var ids = await TripAsync(engine, "books");
        var operation = await engine.Operations.StartAsync(RetryScope.All(), None);
        var wait = engine.Get<OperationBreakerWait>();
        var run = engine.Operations.RunAsync(operation.Id, None);
        await Eventually.TrueAsync(() => wait.WaitingUntil(operation.Id) is not null, "the operation to wait for the breaker", TimeSpan.FromSeconds(20));
        var before = engine.Gateway.Requests.Count;

        await engine.Operations.CancelAsync(operation.Id, "alice", None);
        var finished = await run.WaitAsync(TimeSpan.FromSeconds(30));

        finished.Status.ShouldBe(OperationStatus.Cancelled);
        finished.Message.ShouldBe($"Cancelled by alice; {ids.Length} records it had not reached were left untouched.");
        engine.Gateway.Requests.Count.ShouldBe(before);
        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).RetryOperationId.ShouldBeNull();
        }
    }

    [Fact]
    public async Task RetrySelected_BreakerOpen_ReturnsAtOnceAndLeavesTheRestToTheBackgroundWorker()
    {
        await using var engine = await StartAsync();
        await engine.CreateIntegrationAsync("books");
        var ids = await TripAsync(engine, "books");
        var before = engine.Gateway.Requests.Count;

        var operation = await engine.Operations.RunNowAsync(RetryScope.Selected(ids[..2]), None);

        operation.Status.ShouldBe(OperationStatus.Running);
        engine.Gateway.Requests.Count.ShouldBe(before);
        (await engine.RecordAsync(ids[0])).RetryOperationId.ShouldBe(operation.Id);
    }
}
