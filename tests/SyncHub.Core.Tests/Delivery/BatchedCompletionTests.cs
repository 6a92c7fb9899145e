using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Recovery;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>The attempts of a batch are completed together; each record keeps its own claim check and its own recovery.</summary>
public sealed class BatchedCompletionTests
{
    [Fact]
    public async Task DeliverDue_OneRecordsClaimLostWhileTheBatchWasOut_CompletesTheOthersAndLeavesThatOne()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = new[] { await engine.IngestAsync("books", "A"), await engine.IngestAsync("books", "B"), await engine.IngestAsync("books", "C") };
        engine.Gateway.Hold();
        var delivering = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        for (var i = 0; i < ids.Length; i++)
        {
            (await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        }

        // Someone else took B over while its attempt was out (as a recovery would).
        var otherToken = Guid.NewGuid();
        await engine.WriteAsync(db => db.Records.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, otherToken)));

        engine.Gateway.Release();
        var result = await delivering;

        (result.Attempted, result.Succeeded, result.Failed).ShouldBe((3, 2, 0));
        (await engine.RecordAsync(ids[0])).Status.ShouldBe(RecordStatus.Delivered);
        (await engine.RecordAsync(ids[2])).Status.ShouldBe(RecordStatus.Delivered);
        var lost = await engine.RecordAsync(ids[1]);
        (lost.Status, lost.ClaimToken).ShouldBe((RecordStatus.InFlight, otherToken), "the result is not applied over another holder's claim");
        (await engine.AttemptsAsync(ids[1])).Single().Status.ShouldBe(AttemptStatus.InFlight);
        (await engine.AttemptsAsync(ids[0])).Single().Status.ShouldBe(AttemptStatus.Succeeded);
    }

    [Fact]
    public async Task DeliverDue_TheBatchsWriteFails_EveryRecordIsRecoveredAndSentAgainOnceWithItsKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = new[] { await engine.IngestAsync("books", "A"), await engine.IngestAsync("books", "B"), await engine.IngestAsync("books", "C") };
        engine.Gateway.Hold();
        var delivering = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        for (var i = 0; i < ids.Length; i++)
        {
            (await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        }

        engine.WriteFaults.Failing = true;
        engine.Gateway.Release();
        (await Should.ThrowAsync<Exception>(delivering)).ToString().ShouldContain("database or disk is full");
        engine.WriteFaults.Failing = false;
        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.InFlight, "nothing of the failed write may be half applied");
        }

        engine.Time.Advance(TimeSpan.FromMinutes(11));
        (await engine.Get<StaleClaimRecovery>().RecoverAsync(CancellationToken.None)).ShouldBe(3);
        (await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Succeeded.ShouldBe(3);

        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
            var keys = engine.Gateway.RequestsFor(id).Select(r => r.IdempotencyKey).ToList();
            keys.Count.ShouldBe(2);
            keys.Distinct().Count().ShouldBe(1, "the repeat carries the same key, so the destination deduplicates it");
            (await engine.AttemptsAsync(id)).Select(a => a.Status).ShouldBe([AttemptStatus.Interrupted, AttemptStatus.Succeeded]);
        }
    }

    [Fact]
    public async Task RetryDue_BatchWithDeliveriesAndFailures_ResolvesEachRecordsFailuresWithItsOwnAttempt()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 3);
        engine.Gateway.FailNextFor("SRC-books-1", Connectors.ErrorClass.Transient, "still down", 503);
        engine.Time.Advance(TimeSpan.FromHours(1));

        var result = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        (result.Succeeded, result.Failed).ShouldBe((2, 1));
        foreach (var id in new[] { ids[0], ids[2] })
        {
            var attempts = await engine.AttemptsAsync(id);
            attempts[0].Status.ShouldBe(AttemptStatus.Succeeded);
            attempts[0].ResolvedByAttemptId.ShouldBe(attempts[1].Id);
        }

        var stillFailing = await engine.AttemptsAsync(ids[1]);
        stillFailing.Select(a => (a.Status, a.ResolvedByAttemptId)).ShouldBe([(AttemptStatus.Failed, (long?)null), (AttemptStatus.Failed, (long?)null)]);
    }
}
