using System.Text.Json;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Core.Records;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>A record that names a parent waits, blocked, until the parent is delivered; then it goes out on its own.</summary>
public sealed class DependencyTests
{
    [Fact]
    public async Task ChildAndParentTogether_ParentGoesFirst_ThenTheChild()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var child = await IngestChildAsync(engine, "INV-1", "C-1");
        var parent = await engine.IngestAsync("books", "C-1", entityType: "customer");

        await DeliverAllAsync(engine);

        (await engine.RecordAsync(parent)).Status.ShouldBe(RecordStatus.Delivered);
        (await engine.RecordAsync(child)).Status.ShouldBe(RecordStatus.Delivered);
        engine.Gateway.Requests.Select(r => r.RecordId).ShouldBe([parent, child]);
    }

    [Fact]
    public async Task ParentFailed_ChildWaitsBlocked_ReleasedWhenTheParentIsDelivered()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var parent = (await engine.FailedRecordsAsync("books", 1, ErrorClass.Validation, 422))[0];
        var parentRecord = await engine.RecordAsync(parent);
        var child = await IngestChildAsync(engine, "INV-2", parentRecord.SourceId, parentRecord.EntityType);

        await DeliverAllAsync(engine);
        var waiting = await engine.RecordAsync(child);
        waiting.Status.ShouldBe(RecordStatus.Blocked);
        engine.Gateway.RequestsFor(child).ShouldBeEmpty();

        await engine.Operations.RunNowAsync(RetryScope.Selected([parent]), CancellationToken.None);
        await DeliverAllAsync(engine);

        (await engine.RecordAsync(child)).Status.ShouldBe(RecordStatus.Delivered);
        engine.Gateway.RequestsFor(child).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ChildrenBehindTheFirstBatch_WaitBlocked_NoneSent()
    {
        // Batches of two: the children sit behind plain records and behind each other, so each must be checked
        // when it reaches the window the next claim takes.
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        await engine.CreateIntegrationAsync();
        var parent = (await engine.FailedRecordsAsync("books", 1, ErrorClass.Validation, 422))[0];
        var parentRecord = await engine.RecordAsync(parent);
        var plain = await engine.IngestAsync("books", "PLAIN-1");
        var children = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            children.Add(await IngestChildAsync(engine, $"INV-W{i}", parentRecord.SourceId, parentRecord.EntityType));
        }

        var last = await engine.IngestAsync("books", "PLAIN-2");

        await DeliverAllAsync(engine);

        (await engine.RecordAsync(plain)).Status.ShouldBe(RecordStatus.Delivered);
        (await engine.RecordAsync(last)).Status.ShouldBe(RecordStatus.Delivered);
        foreach (var child in children)
        {
            (await engine.RecordAsync(child)).Status.ShouldBe(RecordStatus.Blocked);
            engine.Gateway.RequestsFor(child).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task ParentUnknownToSyncHub_DoesNotBlock()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var child = await IngestChildAsync(engine, "INV-3", "C-ELSEWHERE");

        await DeliverAllAsync(engine);

        (await engine.RecordAsync(child)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task ParentInAnotherIntegration_DoesNotBlock()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("other");
        await engine.FailedRecordsAsync("other", 1, ErrorClass.Validation, 422);
        var child = await IngestChildAsync(engine, "INV-4", "SRC-other-0", "invoice");

        await DeliverAllAsync(engine);

        (await engine.RecordAsync(child)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Theory]
    [InlineData(null, "C-1", "parent.entityType")]
    [InlineData("customer", "", "parent.sourceId")]
    [InlineData("invoice", "INV-5", "parent")]
    public async Task Ingest_BadParent_NamesTheField(string? entityType, string? sourceId, string field)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        using var payload = JsonDocument.Parse("""{"amount": 1}""");

        var result = await engine.Get<IngestService>().IngestAsync(
            "books", new IngestRequest("invoice", "INV-5", payload.RootElement.Clone(), new IngestParent(entityType, sourceId)), CancellationToken.None);

        result.Outcome.ShouldBe(IngestOutcome.Invalid);
        result.Errors!.ToDictionary().Keys.ShouldContain(field);
    }

    private static async Task<long> IngestChildAsync(EngineHarness engine, string sourceId, string parentSourceId, string parentType = "customer")
    {
        using var payload = JsonDocument.Parse("""{"amount": 10}""");
        var result = await engine.Get<IngestService>().IngestAsync(
            "books", new IngestRequest("invoice", sourceId, payload.RootElement.Clone(), new IngestParent(parentType, parentSourceId)), CancellationToken.None);
        return result.RecordId;
    }

    private static async Task DeliverAllAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }
}
