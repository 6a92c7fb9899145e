using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Operations;

/// <summary>Seed 000: Retry Selected, and what a retry's success or failure does to the record and the sync log.</summary>
public sealed class RetrySelectedTests
{
    [Fact]
    public async Task RetrySelected_TwoOfFive_ResendsExactlyThoseThroughTheGateway()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 5);
        var before = engine.Gateway.Requests.Count;

        var result = await engine.Operations.RunNowAsync(RetryScope.Selected([ids[1], ids[3]]), CancellationToken.None);

        result.Total.ShouldBe(2);
        engine.Gateway.Requests.Skip(before).Select(r => r.RecordId).Order().ShouldBe([ids[1], ids[3]]);
        (await engine.RecordAsync(ids[0])).Status.ShouldBe(RecordStatus.Failed);
        (await engine.RecordAsync(ids[1])).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task RetrySelected_RecordSucceeds_LeavesFailedQueueAndOriginalEntryReferencesTheRetry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.NextAttemptAt.ShouldBeNull();
        var attempts = await engine.AttemptsAsync(id);
        attempts.Count.ShouldBe(2);
        var (original, retry) = (attempts[0], attempts[1]);
        retry.Trigger.ShouldBe(AttemptTrigger.ManualRetry);
        retry.RetryOfAttemptId.ShouldBe(original.Id);
        retry.Status.ShouldBe(AttemptStatus.Succeeded);
        original.Status.ShouldBe(AttemptStatus.Succeeded);
        original.ResolvedByAttemptId.ShouldBe(retry.Id);
        original.ErrorClass.ShouldBe(ErrorClass.Transient, "the original error stays on the resolved entry");
    }

    [Fact]
    public async Task RetrySelected_RecordFailsAgain_AppendsErrorAndIncrementsCount()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Validation, "Amount must be positive", 422);

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.RetryCount.ShouldBe(1);
        record.LastErrorMessage.ShouldBe("Amount must be positive");
        record.LastHttpStatus.ShouldBe(422);
        var attempts = await engine.AttemptsAsync(id);
        attempts.Select(a => a.Message).ShouldBe(["Provider said no (0)", "Amount must be positive"]);
        attempts.ShouldAllBe(a => a.Status == AttemptStatus.Failed);
        attempts[1].RetryOfAttemptId.ShouldBe(attempts[0].Id);
    }

    [Fact]
    public async Task RetrySelected_ThreeRetries_EachEntryReferencesItsPredecessorAndTheOriginal()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "again", 503).ThenFail(ErrorClass.Transient, "and again", 503);

        for (var i = 0; i < 3; i++)
        {
            await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        }

        var attempts = await engine.AttemptsAsync(id);
        attempts.Count.ShouldBe(4);
        (await engine.RecordAsync(id)).RetryCount.ShouldBe(3);
        for (var i = 1; i < 4; i++)
        {
            attempts[i].RetryOfAttemptId.ShouldBe(attempts[i - 1].Id);
            attempts[i].OriginalAttemptId.ShouldBe(attempts[0].Id);
        }

        attempts.Take(3).ShouldAllBe(a => a.Status == AttemptStatus.Succeeded && a.ResolvedByAttemptId == attempts[3].Id);
    }

    [Fact]
    public async Task RetrySelected_RecordNotFailed_SendsNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "PENDING-1");

        var result = await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        result.Total.ShouldBe(0);
        engine.Gateway.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RetrySelected_AllRequestsOfARecord_CarryTheSameIdempotencyKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "again", 503);

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        engine.Gateway.RequestsFor(id).Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(1);
    }
}
