using Shouldly;
using SyncHub.Core.Recovery;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Recovery;

/// <summary>A record a crash left in flight is queued again with the same idempotency key; nothing is lost.</summary>
public sealed class InFlightRecoveryTests
{
    [Fact]
    public async Task RecoverAsync_RecordLeftInFlight_RequeuedAndRedeliveredWithSameKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-CRASH");
        engine.Gateway.Hold();
        using var crash = new CancellationTokenSource();
        var lost = engine.Orchestrator.DeliverDueAsync(crash.Token);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.InFlight);

        // Simulate the process dying mid-call: the attempt never completes; a new process starts.
        var recovered = await engine.RecoverAsync();
        await crash.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(lost);
        engine.Gateway.Release();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        recovered.ShouldBe(1);
        var requests = engine.Gateway.RequestsFor(id);
        requests.Count.ShouldBe(2);
        requests[1].IdempotencyKey.ShouldBe(requests[0].IdempotencyKey);
        var attempts = await engine.AttemptsAsync(id);
        attempts[0].Status.ShouldBe(AttemptStatus.Interrupted);
        attempts[0].Message.ShouldBe(InFlightRecovery.InterruptedMessage);
        attempts[1].RetryOfAttemptId.ShouldBe(attempts[0].Id);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task RecoverAsync_RecordLeftInFlight_MarkedOutcomeUnknownSoItIsLookedUpFirst()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-CRASH-2");
        engine.Gateway.Hold();
        using var crash = new CancellationTokenSource();
        var lost = engine.Orchestrator.DeliverDueAsync(crash.Token);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));

        await engine.RecoverAsync();
        await crash.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(lost);
        engine.Gateway.Release();

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Pending);
        record.OutcomeUnknown.ShouldBeTrue();
    }

    [Fact]
    public async Task RecoverAsync_NothingInFlight_ChangesNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 2);

        (await engine.RecoverAsync()).ShouldBe(0);
    }
}
