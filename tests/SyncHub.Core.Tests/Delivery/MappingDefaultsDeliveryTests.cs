using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

public sealed class MappingDefaultsDeliveryTests
{
    private const string Template = """{"memo": {{ payload.memo | object.to_json }}, "unitPrice": {{ payload.total / payload.quantity }}}""";

    [Fact]
    public async Task DeliverDue_FieldMissing_DeliversItsDefaultWithoutANote()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: Template, mappingDefaults: """{"memo": "no memo", "quantity": 1}""");
        var id = await engine.IngestAsync("books", "INV-1", """{"total": 12, "quantity": 3, "memo": null}""");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Gateway.Requests.Single().Body.ShouldBe("""{"memo": "no memo", "unitPrice": 4}""");
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        (await engine.AttemptsAsync(id)).ShouldHaveSingleItem().Message.ShouldBeNull();
    }

    [Fact]
    public async Task DeliverDue_InvalidValueWithDefault_DeliveredWithTheDefaultAndNoted()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: Template, mappingDefaults: """{"memo": "no memo", "quantity": 1}""");
        var id = await engine.IngestAsync("books", "INV-2", """{"total": 12, "quantity": 0, "memo": "rush"}""");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Gateway.Requests.Single().Body.ShouldBe("""{"memo": "no memo", "unitPrice": 12}""");
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        var attempt = (await engine.AttemptsAsync(id)).ShouldHaveSingleItem();
        attempt.Status.ShouldBe(AttemptStatus.Succeeded);
        attempt.Message!.ShouldStartWith("Delivered with mapping defaults for: memo, quantity.");
        attempt.Message.ShouldContain("Mapping failed");
    }

    [Fact]
    public async Task DeliverDue_InvalidValueWithoutDefault_FailsAsTransform()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: Template, mappingDefaults: """{"memo": "no memo"}""");
        var id = await engine.IngestAsync("books", "INV-3", """{"total": 12, "quantity": 0}""");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorClass.ShouldBe(ErrorClass.Transform);
        engine.Gateway.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverDue_DefaultedBodyRefusedByDestination_FailsWithTheDestinationsError()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(mapping: Template, mappingDefaults: """{"quantity": 1}""");
        var id = await engine.IngestAsync("books", "INV-4", """{"total": 12, "quantity": 0}""");
        engine.Gateway.ThenFail(ErrorClass.Validation, "memo is required", 422);

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.LastErrorClass.ShouldBe(ErrorClass.Validation);
        record.LastErrorMessage.ShouldBe("memo is required");
    }
}
