using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>Seed 000: a manual retry takes precedence over automatic backoff, and the backoff timer restarts after it.</summary>
public sealed class ManualRetryPrecedenceTests
{
    [Fact]
    public async Task ManualRetry_FailsWhileBackoffRunning_RestartsTimerFromTheManualAttempt()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503).ThenFail(ErrorClass.Transient, "down", 503);
        engine.Time.Advance(TimeSpan.FromSeconds(30));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromSeconds(60));

        engine.Time.Advance(TimeSpan.FromSeconds(20));
        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.AutomaticRetryCount.ShouldBe(0);
        record.NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromSeconds(30), "the schedule starts again at the base delay");
    }

    [Fact]
    public async Task ManualRetry_FailsAgain_OldAutomaticSlotNoLongerFires()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        var originalSlot = (await engine.RecordAsync(id)).NextAttemptAt!.Value;
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);

        engine.Time.Advance(TimeSpan.FromSeconds(25));
        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);
        engine.Time.SetUtcNow(originalSlot + TimeSpan.FromSeconds(1));
        var batch = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        batch.Attempted.ShouldBe(0);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2);
    }

    [Fact]
    public async Task AutomaticRetry_RecordQueuedForManualRetry_IsLeftToTheManualRetry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        var operation = await engine.Operations.StartAsync(RetryScope.Selected([id]), CancellationToken.None);

        engine.Time.Advance(TimeSpan.FromMinutes(5));
        var automatic = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        var manual = await engine.Operations.RunAsync(operation.Id, CancellationToken.None);

        automatic.Attempted.ShouldBe(0);
        manual.Succeeded.ShouldBe(1);
        (await engine.AttemptsAsync(id))[^1].Trigger.ShouldBe(AttemptTrigger.ManualRetry);
    }

    [Fact]
    public async Task ManualRetry_OfDeadLetterThatFailsAgain_StaysInDeadLetter()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 1));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503).ThenFail(ErrorClass.Transient, "down", 503);
        engine.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.RetryCount.ShouldBe(2);
        record.Status.ShouldBe(RecordStatus.DeadLetter);
        record.NextAttemptAt.ShouldBeNull();
        engine.Gateway.RequestsFor(id).Count.ShouldBe(3);
    }

    [Fact]
    public async Task ManualRetry_OfDeadLetterThatSucceeds_LeavesTheQueue()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 1));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        engine.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.DeadLetteredAt.ShouldBeNull();
    }

    [Fact]
    public async Task RetryAll_WithDeadLetters_LeavesThemForReview()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 1));
        var dead = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        engine.Time.Advance(TimeSpan.FromSeconds(10));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var operation = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        operation.Total.ShouldBe(0);
        (await engine.RecordAsync(dead)).Status.ShouldBe(RecordStatus.DeadLetter);
    }
}
