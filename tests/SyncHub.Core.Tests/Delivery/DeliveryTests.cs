using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

public sealed class DeliveryTests
{
    [Fact]
    public async Task DeliverDue_GatewayDelivers_RecordDeliveredWithExternalIdAndOneSucceededEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-1");

        var batch = await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        batch.ShouldBe(new Core.Delivery.BatchResult(1, 1, 0));
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ExternalId.ShouldBe("EXT-" + id);
        var attempt = (await engine.AttemptsAsync(id)).ShouldHaveSingleItem();
        attempt.Trigger.ShouldBe(AttemptTrigger.Delivery);
        attempt.Status.ShouldBe(AttemptStatus.Succeeded);
        attempt.RetryOfAttemptId.ShouldBeNull();
    }

    [Fact]
    public async Task DeliverDue_OneRecordThrowsInConnector_OthersStillDelivered()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1);
        await engine.CreateIntegrationAsync();
        var bad = await engine.IngestAsync("books", "BAD");
        var good = await engine.IngestAsync("books", "GOOD");
        engine.Gateway.ThenThrow(new InvalidOperationException("plugin bug"));

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var failed = await engine.RecordAsync(bad);
        failed.Status.ShouldBe(RecordStatus.Failed);
        failed.LastErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        failed.LastErrorMessage!.ShouldContain("plugin bug");
        (await engine.RecordAsync(good)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task DeliverDue_MappingTemplate_SendsRenderedBody()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: """{"Total": {{ payload.amount }}, "Ref": {{ record.source_id | object.to_json }}}""");
        await engine.IngestAsync("books", "INV-7", """{"amount": 99.5}""");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Gateway.Requests.Single().Body.ShouldBe("""{"Total": 99.5, "Ref": "INV-7"}""");
    }

    [Fact]
    public async Task DeliverDue_MappingFailsAtRuntime_TransformErrorWithoutCallingGateway()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: """{"x": {{ payload.amount / 0 }}}""");
        var id = await engine.IngestAsync("books", "INV-8");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorClass.ShouldBe(ErrorClass.Transform);
        engine.Gateway.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverDue_LongUntrustedMessage_IsTruncated()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-9");
        engine.Gateway.ThenFail(ErrorClass.Validation, new string('x', 10_000), 400);

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await engine.RecordAsync(id)).LastErrorMessage!.Length.ShouldBe(2000);
    }

    [Fact]
    public async Task DeliverDue_NewVersionArrivesWhileInFlight_DeliversTheNewVersionNext()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-10", """{"amount": 1}""");
        engine.Gateway.Hold();
        var first = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));

        await engine.IngestAsync("books", "INV-10", """{"amount": 2}""");
        engine.Gateway.Release();
        await first;
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var requests = engine.Gateway.RequestsFor(id);
        requests.Count.ShouldBe(2);
        requests[1].Body.ShouldContain("2");
        requests[1].IdempotencyKey.ShouldNotBe(requests[0].IdempotencyKey, "a new version is a new change at the destination");
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }
}
