using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>Automatic retries: exponential backoff on the injected clock, bounded, only for retryable classes.</summary>
public sealed class AutomaticRetryTests
{
    [Fact]
    public async Task DeliverDue_TransientFailure_SchedulesFirstRetryAtBaseDelay()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        var record = await engine.RecordAsync(id);

        record.Status.ShouldBe(RecordStatus.Failed);
        record.NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        record.FirstFailedAt.ShouldBe(engine.Time.GetUtcNow());
    }

    [Fact]
    public async Task RetryDue_BeforeBackoffElapses_SendsNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 1);
        var sent = engine.Gateway.Requests.Count;

        engine.Time.Advance(TimeSpan.FromSeconds(29));
        var batch = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        batch.Attempted.ShouldBe(0);
        engine.Gateway.Requests.Count.ShouldBe(sent);
    }

    [Fact]
    public async Task RetryDue_BackoffElapsed_RetriesWithAutomaticTriggerAndDoublesTheNextDelay()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "still down", 503);

        engine.Time.Advance(TimeSpan.FromSeconds(30));
        var batch = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        batch.Attempted.ShouldBe(1);
        var record = await engine.RecordAsync(id);
        record.AutomaticRetryCount.ShouldBe(1);
        record.RetryCount.ShouldBe(1);
        record.NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromSeconds(60));
        (await engine.AttemptsAsync(id))[^1].Trigger.ShouldBe(AttemptTrigger.AutomaticRetry);
    }

    [Fact]
    public async Task RetryDue_MaxAttemptsReached_MovesToDeadLetter()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new RetryPolicyRequest(10, 2, 3600, 3));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        for (var i = 0; i < 3; i++)
        {
            engine.Gateway.ThenFail(ErrorClass.Transient, $"down {i}", 503);
        }

        for (var i = 0; i < 5; i++)
        {
            engine.Time.Advance(TimeSpan.FromHours(1));
            await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        }

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.DeadLetter);
        record.DeadLetteredAt.ShouldNotBeNull();
        record.AutomaticRetryCount.ShouldBe(3);
        record.AutomaticRetriesExhausted.ShouldBeTrue();
        record.NextAttemptAt.ShouldBeNull();
        engine.Gateway.RequestsFor(id).Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(ErrorClass.Authentication, 401)]
    [InlineData(ErrorClass.Authorization, 403)]
    [InlineData(ErrorClass.Validation, 422)]
    [InlineData(ErrorClass.Duplicate, 409)]
    [InlineData(ErrorClass.ReferenceNotFound, 422)]
    [InlineData(ErrorClass.Transform, null)]
    [InlineData(ErrorClass.ConnectorFault, null)]
    public async Task DeliverDue_NonRetryableClass_SchedulesNoAutomaticRetry(ErrorClass errorClass, int? httpStatus)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1, errorClass, httpStatus))[0];

        engine.Time.Advance(TimeSpan.FromDays(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.NextAttemptAt.ShouldBeNull();
        record.AutomaticRetriesExhausted.ShouldBeFalse();
        record.LastErrorClass.ShouldBe(errorClass);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeliverDue_RateLimitedWithLongRetryAfter_WaitsAtLeastRetryAfter()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "RL-1");
        engine.Gateway.ThenFail(ErrorClass.RateLimited, "Too Many Requests", 429, TimeSpan.FromMinutes(15));

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await engine.RecordAsync(id)).NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromMinutes(15));
    }
}
