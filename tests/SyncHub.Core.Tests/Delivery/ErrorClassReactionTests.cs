using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>The engine reacts to each class the way the classification table says.</summary>
public sealed class ErrorClassReactionTests
{
    [Fact]
    public async Task NotFound_RetriesAfterAFixedDelayThreeTimes_ThenDeadLetter()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1, ErrorClass.NotFound, 404))[0];
        (await engine.RecordAsync(id)).NextAttemptAt.ShouldBe(engine.Time.GetUtcNow() + TimeSpan.FromMinutes(2));

        for (var i = 0; i < 3; i++)
        {
            engine.Gateway.ThenFail(ErrorClass.NotFound, "not there yet", 404);
            engine.Time.Advance(TimeSpan.FromMinutes(2));
            await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        }

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.DeadLetter);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(4);
    }

    [Fact]
    public async Task NotFound_AppearingLater_IsDelivered()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1, ErrorClass.NotFound, 404))[0];

        engine.Time.Advance(TimeSpan.FromMinutes(2));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Theory]
    [InlineData(ErrorClass.ServerError, 500, 3)]
    [InlineData(ErrorClass.Conflict, 409, 2)]
    public async Task BoundedClass_RetriesAFewTimes_ThenDeadLetter(ErrorClass errorClass, int status, int retries)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new RetryPolicyRequest(10, 2, 3600, 8));
        var id = (await engine.FailedRecordsAsync("books", 1, errorClass, status))[0];
        for (var i = 0; i < 10; i++)
        {
            engine.Gateway.ThenFail(errorClass, "still failing", status);
        }

        for (var i = 0; i < 10; i++)
        {
            engine.Time.Advance(TimeSpan.FromHours(1));
            await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        }

        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1 + retries);
    }

    [Fact]
    public async Task Duplicate_WithDuplicateDetection_IsSkippedNotFailed()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1, ErrorClass.Duplicate, 409))[0];

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Skipped);
        (await engine.AttemptsAsync(id)).Single().Status.ShouldBe(AttemptStatus.Skipped);
    }

    [Fact]
    public async Task WithoutDuplicateDetection_TheConnectorIsAskedToCreateTheRecord()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        await engine.UpdateIntegrationAsync(integration.Id, i => i.DuplicateDetection = false);
        var id = await engine.IngestAsync("books", "A");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Gateway.RequestsFor(id).ShouldHaveSingleItem().SkipDuplicateCheck.ShouldBeTrue();
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task WithDuplicateDetection_TheConnectorMaySearchForAMatch()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "A");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Gateway.RequestsFor(id).ShouldHaveSingleItem().SkipDuplicateCheck.ShouldBeFalse();
    }

    [Fact]
    public async Task Duplicate_WithoutDuplicateDetection_DestinationStillRefusingACopy_Fails()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        await engine.UpdateIntegrationAsync(integration.Id, i => i.DuplicateDetection = false);
        var id = (await engine.FailedRecordsAsync("books", 1, ErrorClass.Duplicate, 409))[0];

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.NextAttemptAt.ShouldBeNull();
    }

    [Fact]
    public async Task SchemaMismatch_SkipsTheRecord_AndTheRestContinue()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var bad = await engine.IngestAsync("books", "A");
        var good = await engine.IngestAsync("books", "B");
        engine.Gateway.FailNextFor("A", ErrorClass.SchemaMismatch, "unexpected field 'LineItems[0].Tax'", 200);

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await engine.RecordAsync(bad)).Status.ShouldBe(RecordStatus.Skipped);
        (await engine.RecordAsync(good)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task DeadLetter_IsNotRetriedAutomatically()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new RetryPolicyRequest(10, 2, 60, 1));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        engine.Time.Advance(TimeSpan.FromMinutes(1));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);

        engine.Time.Advance(TimeSpan.FromDays(30));
        await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.DeadLetter);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(2);
    }
}
