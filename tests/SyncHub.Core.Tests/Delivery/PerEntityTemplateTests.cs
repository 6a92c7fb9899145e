using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>A record is rendered with its entity type's template when the integration has one, else the default.</summary>
public sealed class PerEntityTemplateTests
{
    [Fact]
    public async Task DeliverDue_TemplateForTheEntityType_WinsOverTheDefault()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync(mapping: """{"kind": "default", "id": {{ record.source_id | object.to_json }}}""");
        await engine.UpdateIntegrationAsync(integration.Id, i => i.MappingTemplatesJson =
            """{"contact": "{\"kind\": \"contact\", \"name\": {{ payload.name | object.to_json }}}"}""");
        await engine.IngestAsync("books", "C-1", """{"name": "Ada"}""", entityType: "contact");
        await engine.IngestAsync("books", "INV-1", """{"amount": 1}""", entityType: "invoice");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var bodies = engine.Gateway.Requests.ToDictionary(r => r.SourceId, r => r.Body);
        bodies["C-1"].ShouldBe("""{"kind": "contact", "name": "Ada"}""");
        bodies["INV-1"].ShouldBe("""{"kind": "default", "id": "INV-1"}""");
    }
}
