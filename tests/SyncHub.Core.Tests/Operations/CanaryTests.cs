using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Operations;

/// <summary>A bulk retry first tries one record alone and stops if it fails the same way as before.</summary>
public sealed class CanaryTests
{
    [Fact]
    public async Task RetryAll_CanaryFailsAgainWithTheSameClass_StopsAndReleasesTheRestUntouched()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 5, ErrorClass.Authentication, 401);
        var before = await Task.WhenAll(ids.Select(engine.RecordAsync));
        var requests = engine.Gateway.Requests.Count;
        engine.Gateway.ThenFail(ErrorClass.Authentication, "token expired", 401);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Status.ShouldBe(OperationStatus.Stopped);
        operation.CanaryRecordId.ShouldBe(ids[0]);
        operation.Failed.ShouldBe(1);
        operation.Skipped.ShouldBe(4);
        operation.Message.ShouldNotBeNull();
        operation.Message.ShouldContain("Stopped after the first record failed again with Authentication (401)");
        operation.Message.ShouldContain("The destination refused the credentials (401) for this attempt.");
        engine.Gateway.Requests.Skip(requests).Select(r => r.RecordId).ShouldBe([ids[0]]);
        for (var i = 1; i < ids.Length; i++)
        {
            var record = await engine.RecordAsync(ids[i]);
            record.RetryOperationId.ShouldBeNull();
            record.Status.ShouldBe(before[i].Status);
            record.NextAttemptAt.ShouldBe(before[i].NextAttemptAt);
            record.RetryCount.ShouldBe(0);
            (await engine.AttemptsAsync(ids[i])).Count.ShouldBe(1);
        }

        (await HalfMarkedAsync(engine, operation.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task RetryAll_CanaryDelivered_TheRestProceed()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 5, ErrorClass.Authentication, 401);
        var requests = engine.Gateway.Requests.Count;

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Status.ShouldBe(OperationStatus.Completed);
        operation.Succeeded.ShouldBe(5);
        operation.Message.ShouldBeNull();
        engine.Gateway.Requests.Skip(requests).First().RecordId.ShouldBe(ids[0], "the canary goes first, alone");
        (await HalfMarkedAsync(engine, operation.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(ErrorClass.Validation, 422)] // a different class than before
    [InlineData(ErrorClass.Transient, 503)] // the same passing fault again: the breakers pace the rest
    public async Task RetryAll_CanaryFailureThatNeedsNoPerson_TheRestProceed(ErrorClass canaryClass, int status)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 4, ErrorClass.Transient, 503);
        engine.Gateway.ThenFail(canaryClass, "canary failed", status);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Status.ShouldBe(OperationStatus.Completed);
        operation.Failed.ShouldBe(1);
        operation.Succeeded.ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_StoppedOperation_IsNeverResumed()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3, ErrorClass.Authorization, 403);
        engine.Gateway.ThenFail(ErrorClass.Authorization, "missing scope", 403);
        var stopped = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);
        var requests = engine.Gateway.Requests.Count;

        (await engine.Operations.TakeOverUnfinishedAsync(CancellationToken.None)).ShouldNotContain(stopped.Id);
        var again = await engine.Operations.RunAsync(stopped.Id, CancellationToken.None);

        again.Status.ShouldBe(OperationStatus.Stopped);
        engine.Gateway.Requests.Count.ShouldBe(requests);
    }

    [Fact]
    public async Task RetryAll_OneErrorClass_TakesOnlyRecordsOfThatClass()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("shop");
        var transient = await engine.FailedRecordsAsync("books", 3, ErrorClass.Transient, 503);
        var invalid = await engine.FailedRecordsAsync("shop", 2, ErrorClass.Validation, 422);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(errorClass: ErrorClass.Validation), CancellationToken.None);

        operation.Total.ShouldBe(2);
        foreach (var id in invalid)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in transient)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        }
    }

    internal static async Task<int> HalfMarkedAsync(EngineHarness engine, Guid operationId)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.CountAsync(r => r.RetryOperationId == operationId);
    }
}
