using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery;
using SyncHub.Data;
using Shouldly;
using SyncHub.Core.Recovery;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Recovery;

/// <summary>A result that could not be written (full disk) does not strand the record in flight until a restart.</summary>
public sealed class StaleClaimRecoveryTests
{
    [Fact]
    public async Task CompletionFailsOnAFullDisk_AfterTheStaleTime_RecordIsQueuedAgainWithTheSameKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "FULL-1");
        engine.Gateway.Hold();
        var delivering = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        engine.WriteFaults.Failing = true;
        engine.Gateway.Release();
        (await Should.ThrowAsync<Exception>(delivering)).ToString().ShouldContain("database or disk is full");
        engine.WriteFaults.Failing = false;
        var recovery = engine.Get<StaleClaimRecovery>();

        (await recovery.RecoverAsync(CancellationToken.None)).ShouldBe(0, "not stale yet");
        engine.Time.Advance(TimeSpan.FromMinutes(11));
        (await recovery.RecoverAsync(CancellationToken.None)).ShouldBe(1);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Pending);
        record.OutcomeUnknown.ShouldBeTrue();
        (await engine.AttemptsAsync(id)).Single().Status.ShouldBe(AttemptStatus.Interrupted);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        var keys = engine.Gateway.RequestsFor(id).Select(r => r.IdempotencyKey).ToList();
        keys.Count.ShouldBe(2);
        keys.Distinct().Count().ShouldBe(1, "the repeat carries the same key, so the destination deduplicates it");
    }

    [Fact]
    public async Task ClaimAWorkerStillHolds_IsNeverTaken_HoweverOld()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "SLOW-1");
        var token = Guid.NewGuid();
        await using (var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync())
        {
            var at = engine.Time.GetUtcNow();
            await TestRecords.UpdateAsync(engine.Get<WriteGate>(), db, db.Records.Where(r => r.Id == id), s => s.SetProperty(r => r.Status, RecordStatus.InFlight)
                .SetProperty(r => r.ClaimToken, token).SetProperty(r => r.UpdatedAt, at));
        }

        var claims = engine.Get<ActiveClaims>();
        claims.Add(token);
        engine.Time.Advance(TimeSpan.FromHours(2));
        var recovery = engine.Get<StaleClaimRecovery>();

        (await recovery.RecoverAsync(CancellationToken.None)).ShouldBe(0, "a worker of this process still holds it");
        claims.Remove(token);
        (await recovery.RecoverAsync(CancellationToken.None)).ShouldBe(1);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Pending);
    }
}
