using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Operations;

/// <summary>Seed 000: Retry All Failed retries the whole failed queue as one server-side operation.</summary>
public sealed class RetryAllTests
{
    [Fact]
    public async Task RetryAll_FailedQueueLargerThanABatch_RetriesEveryRecordInOneOperation()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 7);
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 30);
        var before = engine.Gateway.Requests.Count;

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Total.ShouldBe(30);
        operation.Succeeded.ShouldBe(30);
        operation.Status.ShouldBe(OperationStatus.Completed);
        engine.Gateway.Requests.Skip(before).Select(r => r.RecordId).Order().ShouldBe(ids.Order());
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync(r => r.Status == RecordStatus.Failed)).ShouldBe(0);
        (await db.Attempts.CountAsync(a => a.OperationId == operation.Id)).ShouldBe(30);
    }

    [Fact]
    public async Task RetryAll_OneIntegration_LeavesOtherIntegrationsAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("shop");
        await engine.FailedRecordsAsync("books", 3);
        var shop = await engine.FailedRecordsAsync("shop", 2);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(books.Id), CancellationToken.None);

        operation.Total.ShouldBe(3);
        foreach (var id in shop)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        }
    }

    [Fact]
    public async Task RetryAll_SomeFailAgain_CountsBothAndKeepsThoseInTheQueue()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 4);
        engine.Gateway.ThenFail(ErrorClass.Conflict, "duplicate", 409);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Succeeded.ShouldBe(3);
        operation.Failed.ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_SetIsFixedAtStart_RecordsFailingLaterAreNotSweptIn()
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
    }

    [Fact]
    public async Task RunAsync_AfterRestartMidOperation_FinishesTheRemainingRecords()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 5);
        var operation = await engine.Operations.StartAsync(RetryScope.All(), CancellationToken.None);
        await engine.Orchestrator.RetryQueuedAsync(operation.Id, CancellationToken.None);

        var unfinished = await engine.Operations.TakeOverUnfinishedAsync(CancellationToken.None);
        var finished = await engine.Operations.RunAsync(unfinished.Single(), CancellationToken.None);

        finished.Status.ShouldBe(OperationStatus.Completed);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync(r => r.Status == RecordStatus.Failed)).ShouldBe(0);
        (await db.Records.CountAsync(r => r.RetryOperationId == operation.Id)).ShouldBe(0, "no record is left marked by the finished operation");
    }
}
