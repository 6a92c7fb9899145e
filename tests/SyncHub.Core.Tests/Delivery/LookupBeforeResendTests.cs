using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>After an unknown outcome the engine asks the destination before sending again, so nothing lands twice.</summary>
public sealed class LookupBeforeResendTests
{
    private const string Slug = "lookup";

    [Fact]
    public async Task Retry_TimedOutCreateHadLanded_FoundByLookupAndNotSentAgain()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-1");
        destination.ThenLoseResponse();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).OutcomeUnknown.ShouldBeTrue();

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.OutcomeUnknown.ShouldBeFalse();
        record.ReconciledAt.ShouldBe(engine.Time.GetUtcNow());
        record.ExternalId.ShouldBe($"DEST-{id}");
        destination.CreatedFor(record.IdempotencyKey).Count.ShouldBe(1);
        destination.Requests.Count.ShouldBe(1);
        destination.Lookups.Single().IdempotencyKey.ShouldBe(record.IdempotencyKey);
        var attempts = await engine.AttemptsAsync(id);
        attempts.Select(a => a.Status).ShouldBe([AttemptStatus.Succeeded, AttemptStatus.Succeeded]);
        attempts[0].ResolvedByAttemptId.ShouldBe(attempts[1].Id);
        attempts[1].Message.ShouldBe(SyncOrchestrator.ReconciledMessage);
        attempts[1].ErrorClass.ShouldBeNull();
    }

    [Fact]
    public async Task Retry_LookupFindsNothing_SendsNormally()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-2");
        destination.ThenFail(ErrorClass.Transient, "Connection reset", 504);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldBeNull();
        destination.Lookups.Count.ShouldBe(1);
        destination.Requests.Count.ShouldBe(2);
        destination.CreatedFor(record.IdempotencyKey).Count.ShouldBe(1);
        (await engine.AttemptsAsync(id))[1].Message.ShouldBeNull();
    }

    [Fact]
    public async Task Retry_LookupFails_TransientFailureRetriedLaterWithoutSending()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-3");
        destination.ThenLoseResponse();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        destination.ThenLookup(LookupOutcome.Failed(ErrorClass.ServerError, "HTTP 500 Internal Server Error", 500));

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var failed = await engine.RecordAsync(id);
        failed.Status.ShouldBe(RecordStatus.Failed);
        failed.OutcomeUnknown.ShouldBeTrue();
        failed.LastErrorClass.ShouldBe(ErrorClass.Transient);
        failed.NextAttemptAt.ShouldNotBeNull();
        var attempt = (await engine.AttemptsAsync(id))[1];
        attempt.ErrorClass.ShouldBe(ErrorClass.Transient);
        attempt.HttpStatus.ShouldBe(500);
        attempt.Message.ShouldBe("Look-up before sending again failed: HTTP 500 Internal Server Error");
        destination.Requests.Count.ShouldBe(1);

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.Lookups.Count.ShouldBe(2);
        destination.CreatedFor(record.IdempotencyKey).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(ErrorClass.SchemaMismatch, 200)]
    [InlineData(ErrorClass.Duplicate, 200)]
    [InlineData(ErrorClass.Validation, 400)]
    [InlineData(ErrorClass.Authentication, 401)]
    [InlineData(ErrorClass.NotFound, 404)]
    public async Task Retry_LookupAnswerUnusable_TransientFailureCountedListedAndRetried(ErrorClass lookupClass, int httpStatus)
    {
        // A proxy or maintenance page answering every GET with 200 {"records":[]}: the look-up cannot read it.
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-9");
        destination.ThenLoseResponse();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        destination.ThenLookup(LookupOutcome.Failed(lookupClass, "The answer has no Contacts array.", httpStatus));

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var failed = await engine.RecordAsync(id);
        failed.Status.ShouldBe(RecordStatus.Failed);
        failed.LastErrorClass.ShouldBe(ErrorClass.Transient);
        failed.LastErrorMessage.ShouldBe("Look-up before sending again failed: The answer has no Contacts array.");
        failed.OutcomeUnknown.ShouldBeTrue();
        failed.NextAttemptAt.ShouldNotBeNull();
        (await engine.Get<IntegrationStatusQuery>().CountsAsync(failed.IntegrationId, CancellationToken.None)).Failed.ShouldBe(1);
        (await engine.Get<FailedRecordsQuery>().PageAsync(failed.IntegrationId, null, 50, CancellationToken.None)).Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        destination.Requests.Count.ShouldBe(1);

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.CreatedFor(record.IdempotencyKey).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_LookupThrows_TransientFailureKeepsTheOutcomeUnknownAndIsRetriedAutomatically()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-4");
        destination.ThenLoseResponse();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        destination.ThenLookupThrow(new InvalidOperationException("look-up bug"));

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var failed = await engine.RecordAsync(id);
        failed.LastErrorClass.ShouldBe(ErrorClass.Transient);
        failed.LastErrorMessage.ShouldBe("Look-up before sending again failed: The connector's look-up failed: InvalidOperationException: look-up bug");
        failed.OutcomeUnknown.ShouldBeTrue();
        failed.NextAttemptAt.ShouldNotBeNull();
        destination.Requests.Count.ShouldBe(1);

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.CreatedFor(record.IdempotencyKey).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_GatewayWithoutLookup_SendsAgainAsBefore()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1, ErrorClass.Transient, 504))[0];
        (await engine.RecordAsync(id)).OutcomeUnknown.ShouldBeTrue();

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldBeNull();
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_AfterConflict_LooksUpFirst()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-5");
        destination.ThenLandAndFail(ErrorClass.Conflict, "HTTP 409 Conflict", 409);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Time.Advance(TimeSpan.FromHours(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.Lookups.Count.ShouldBe(1);
        destination.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delivery_OutcomeKnown_DoesNotLookUp()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-6");
        destination.ThenFail(ErrorClass.Validation, "amount must be positive", 422);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).OutcomeUnknown.ShouldBeFalse();

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        destination.Lookups.ShouldBeEmpty();
        destination.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_FailsBeforeReachingTheDestination_OutcomeStaysUnknownAndIsLookedUpLater()
    {
        await using var engine = await StartAsync();
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-8");
        destination.ThenLoseResponse();
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        var integrationId = (await engine.RecordAsync(id)).IntegrationId;
        await engine.UpdateIntegrationAsync(integrationId, i => i.MappingTemplate = """{"x": {{ payload.amount / 0 }}}""");

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var failed = await engine.RecordAsync(id);
        failed.LastErrorClass.ShouldBe(ErrorClass.Transform);
        failed.OutcomeUnknown.ShouldBeTrue();

        await engine.UpdateIntegrationAsync(integrationId, i => i.MappingTemplate = null);
        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delivery_InCallRetryAfterALostResponse_LooksUpInsteadOfSendingAgain()
    {
        await using var engine = await StartAsync(inCallRetries: 2);
        var destination = engine.LookupGateway;
        var id = await engine.IngestAsync(Slug, "INV-7");
        destination.ThenLoseResponse();

        // The in-call retry waits on the fake clock; move it on until the batch is done (no real waiting).
        var batch = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        while (!batch.IsCompleted)
        {
            engine.Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        (await batch).Succeeded.ShouldBe(1);
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ReconciledAt.ShouldNotBeNull();
        destination.Requests.Count.ShouldBe(1);
        destination.Lookups.Count.ShouldBe(1);
        (await engine.AttemptsAsync(id)).ShouldHaveSingleItem().Message.ShouldBe(SyncOrchestrator.ReconciledMessage);
    }

    private static async Task<EngineHarness> StartAsync(int inCallRetries = 0)
    {
        var engine = await EngineHarness.StartAsync(inCallRetries: inCallRetries);
        await engine.CreateIntegrationAsync(Slug, connector: FakeLookupGateway.Name);
        return engine;
    }
}
