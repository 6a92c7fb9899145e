using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Records;

public sealed class IngestServiceTests
{
    [Fact]
    public async Task IngestAsync_SameSourceIdTwice_UpdatesTheOneRecord()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();

        var first = await Ingest(engine, "INV-1", """{"amount": 1}""");
        var second = await Ingest(engine, "INV-1", """{"amount": 2}""");

        first.Outcome.ShouldBe(IngestOutcome.Created);
        second.Outcome.ShouldBe(IngestOutcome.Updated);
        second.RecordId.ShouldBe(first.RecordId);
        var record = await engine.RecordAsync(first.RecordId);
        record.Payload.ShouldBe("""{"amount": 2}""");
        record.PayloadVersion.ShouldBe(2);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task IngestAsync_NewVersionOfFailedRecord_QueuesItForDelivery()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        await Ingest(engine, "SRC-books-0", """{"amount": 3}""");

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Pending);
    }

    [Fact]
    public async Task IngestAsync_SamePayloadAgain_Unchanged()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await Ingest(engine, "INV-1", """{"amount": 1}""");

        (await Ingest(engine, "INV-1", """{"amount": 1}""")).Outcome.ShouldBe(IngestOutcome.Unchanged);
    }

    [Theory]
    [InlineData(null, "S1", """{"a":1}""", "entityType")]
    [InlineData("bad type!", "S1", """{"a":1}""", "entityType")]
    [InlineData("invoice", "", """{"a":1}""", "sourceId")]
    [InlineData("invoice", "S1", "[1,2]", "payload")]
    [InlineData("invoice", "S1", null, "payload")]
    public async Task IngestAsync_InvalidField_NamesTheFieldAndWritesNothing(string? entityType, string sourceId, string? payload, string field)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        using var document = payload is null ? null : JsonDocument.Parse(payload);

        var result = await engine.Get<IngestService>().IngestAsync("books", new IngestRequest(entityType, sourceId, document?.RootElement), CancellationToken.None);

        result.Outcome.ShouldBe(IngestOutcome.Invalid);
        result.Errors!.ToDictionary().Keys.ShouldContain(field);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task IngestAsync_UnknownIntegration_NotFound()
    {
        await using var engine = await EngineHarness.StartAsync();

        (await Ingest(engine, "X", "{}", "nope")).Outcome.ShouldBe(IngestOutcome.IntegrationNotFound);
    }

    private static async Task<IngestResult> Ingest(EngineHarness engine, string sourceId, string payload, string slug = "books")
    {
        using var document = JsonDocument.Parse(payload);
        return await engine.Get<IngestService>().IngestAsync(slug, new IngestRequest("invoice", sourceId, document.RootElement.Clone()), CancellationToken.None);
    }
}
