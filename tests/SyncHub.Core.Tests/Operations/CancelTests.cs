using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Operations;

/// <summary>Cancelling a bulk retry from another thread, and what the operation leaves behind.</summary>
public sealed class CancelTests
{
    [Fact]
    public async Task Cancel_WhileTheCanaryIsInFlight_FinishesItAndReleasesTheRestUntouched()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 5);
        var before = await Task.WhenAll(ids.Select(engine.RecordAsync));
        var requests = engine.Gateway.Requests.Count;
        DrainArrivals(engine.Gateway);
        var operation = await engine.Operations.StartAsync(RetryScope.All(), "alice", CancellationToken.None);
        engine.Gateway.Hold();
        var run = Task.Run(() => engine.Operations.RunAsync(operation.Id, CancellationToken.None));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await engine.Gateway.Arrived.WaitAsync(timeout.Token);

        var cancel = await engine.Operations.CancelAsync(operation.Id, "alice", CancellationToken.None);
        engine.Gateway.Release();
        var finished = await run;

        cancel.Cancelled.ShouldBeTrue();
        finished.Status.ShouldBe(OperationStatus.Cancelled);
        finished.Succeeded.ShouldBe(1, "the batch in flight (the canary) finishes");
        finished.Skipped.ShouldBe(4);
        finished.Message.ShouldBe("Cancelled by alice; 4 records it had not reached were left untouched.");
        engine.Gateway.Requests.Skip(requests).Select(r => r.RecordId).ShouldBe([ids[0]]);
        for (var i = 1; i < ids.Length; i++)
        {
            var record = await engine.RecordAsync(ids[i]);
            record.RetryOperationId.ShouldBeNull();
            record.Status.ShouldBe(RecordStatus.Failed);
            record.NextAttemptAt.ShouldBe(before[i].NextAttemptAt);
            record.RetryCount.ShouldBe(0);
        }

        (await CanaryTests.HalfMarkedAsync(engine, operation.Id)).ShouldBe(0);
        (await engine.AuditLogAsync()).ShouldContain(a => a.Action == "operation.cancel" && a.Actor == "alice");
    }

    [Fact]
    public async Task Cancel_Twice_SecondChangesNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3);
        var operation = await engine.Operations.StartAsync(RetryScope.All(), CancellationToken.None);

        var first = await engine.Operations.CancelAsync(operation.Id, "alice", CancellationToken.None);
        var second = await engine.Operations.CancelAsync(operation.Id, "bob", CancellationToken.None);
        var run = await engine.Operations.RunAsync(operation.Id, CancellationToken.None);

        first.Cancelled.ShouldBeTrue();
        second.Cancelled.ShouldBeFalse();
        second.Operation!.Message.ShouldBe("Cancelled by alice; 3 records it had not reached were left untouched.");
        run.Status.ShouldBe(OperationStatus.Cancelled);
        engine.Gateway.Requests.Count.ShouldBe(3, "only the first deliveries; the cancelled operation sent nothing");
        (await engine.Operations.TakeOverUnfinishedAsync(CancellationToken.None)).ShouldNotContain(operation.Id);
    }

    [Fact]
    public async Task Cancel_CompletedOperation_ReportsItAlreadyEnded()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        var cancel = await engine.Operations.CancelAsync(operation.Id, "alice", CancellationToken.None);

        cancel.Cancelled.ShouldBeFalse();
        cancel.Operation!.Status.ShouldBe(OperationStatus.Completed);
        (await CanaryTests.HalfMarkedAsync(engine, operation.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task CountOthersFailed_RecordFailingWhileTheOperationRuns_IsCountedNotSweptIn()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);
        var operation = await engine.Operations.StartAsync(RetryScope.All(), CancellationToken.None);
        var late = await engine.IngestAsync("books", "LATE");
        engine.Gateway.ThenFail(ErrorClass.Transient, "late failure", 503);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var finished = await engine.Operations.RunAsync(operation.Id, CancellationToken.None);

        finished.Total.ShouldBe(2);
        (await engine.RecordAsync(late)).Status.ShouldBe(RecordStatus.Failed);
        (await engine.Operations.CountOthersFailedAsync(finished, CancellationToken.None)).ShouldBe(1);
        (await CanaryTests.HalfMarkedAsync(engine, operation.Id)).ShouldBe(0);
    }

    private static void DrainArrivals(FakeGateway gateway)
    {
        while (gateway.Arrived.Wait(0))
        {
        }
    }
}
