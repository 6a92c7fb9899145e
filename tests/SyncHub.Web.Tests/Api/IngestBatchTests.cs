using System.Net;
using System.Text.Json;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

// Nothing here delivers: background delivery is off, so ingested records stay pending.
public sealed class IngestBatchTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task IngestBatch_ThreeNewRecords_Returns202WithThreeCreatedItemsInOrder()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-new");

        using var response = await api.PostJsonAsync(Url("batch-new"), Batch(("INV-1", """{"amount": 1}"""), ("INV-2", """{"amount": 2}"""), ("INV-3", """{"amount": 3}""")));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var items = await ItemsAsync(response);
        items.Count.ShouldBe(3);
        items.ShouldAllBe(i => i.GetProperty("created").GetBoolean() && i.GetProperty("status").GetString() == "pending");
        for (var i = 0; i < items.Count; i++)
        {
            var record = await api.GetJsonAsync($"/api/v1/records/{items[i].GetProperty("id").GetInt64()}");
            record.GetProperty("sourceId").GetString().ShouldBe($"INV-{i + 1}");
            record.GetProperty("payload").GetProperty("amount").GetInt32().ShouldBe(i + 1);
        }
    }

    [Fact]
    public async Task IngestBatch_SameBatchAgain_AnswersNotCreatedAndKeepsOneRecordPerSourceId()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-again");
        var batch = Batch(("INV-1", """{"amount": 1}"""), ("INV-2", """{"amount": 2}"""), ("INV-3", """{"amount": 3}"""));
        using var first = await api.PostJsonAsync(Url("batch-again"), batch);
        var firstIds = (await ItemsAsync(first)).Select(i => i.GetProperty("id").GetInt64()).ToList();

        using var again = await api.PostJsonAsync(Url("batch-again"), batch);

        again.StatusCode.ShouldBe(HttpStatusCode.Accepted, await again.Content.ReadAsStringAsync());
        var items = await ItemsAsync(again);
        items.Select(i => i.GetProperty("id").GetInt64()).ShouldBe(firstIds);
        items.ShouldAllBe(i => !i.GetProperty("created").GetBoolean());
        (await api.PendingRecordsAsync("batch-again")).Select(r => r.GetProperty("sourceId").GetString()).Order()
            .ShouldBe(["INV-1", "INV-2", "INV-3"]);
    }

    [Fact]
    public async Task IngestBatch_NewPayloadsForKnownSourceIds_UpdatesThoseRecords()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-update");
        var existing = await api.IngestAsync("batch-update", "INV-1", """{"amount": 1}""");

        using var response = await api.PostJsonAsync(Url("batch-update"), Batch(("INV-1", """{"amount": 10}"""), ("INV-2", """{"amount": 20}""")));

        var items = await ItemsAsync(response);
        items[0].GetProperty("id").GetInt64().ShouldBe(existing);
        items.Select(i => i.GetProperty("created").GetBoolean()).ShouldBe([false, true]);
        (await api.GetJsonAsync($"/api/v1/records/{existing}")).GetProperty("payload").GetProperty("amount").GetInt32().ShouldBe(10);
        (await api.PendingRecordsAsync("batch-update")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task IngestBatch_DuplicateSourceIdBesideAnUpdate_Returns400AndChangesNothing()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-duplicate");
        var existing = await api.IngestAsync("batch-duplicate", "INV-1", """{"amount": 1}""");

        using var response = await api.PostJsonAsync(
            Url("batch-duplicate"), Batch(("INV-1", """{"amount": 10}"""), ("INV-2", """{"amount": 2}"""), ("INV-2", """{"amount": 3}""")));

        await response.ShouldBeValidationProblemAsync("records[2].sourceId");
        await ShouldHoldOnlyAsync(api, "batch-duplicate", existing, amount: 1);
    }

    [Fact]
    public async Task IngestBatch_OneInvalidRecordBesideAnUpdate_Returns400AndChangesNothing()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-invalid");
        var existing = await api.IngestAsync("batch-invalid", "INV-1", """{"amount": 1}""");

        using var response = await api.PostJsonAsync(Url("batch-invalid"), Batch(("INV-1", """{"amount": 10}"""), ("INV-2", """{}"""), ("INV-3", "[1, 2]")));

        await response.ShouldBeValidationProblemAsync("records[2].payload");
        await ShouldHoldOnlyAsync(api, "batch-invalid", existing, amount: 1);
    }

    // A client retrying on timeout sends the same new batch again while the first is still being written.
    [Fact]
    public async Task IngestBatch_SameNewBatchPostedConcurrentlyWithSingleIngests_CreatesEachRecordOnce()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("batch-race");
        var batch = Batch([.. Enumerable.Range(1, 20).Select(i => ($"INV-{i}", $$"""{"amount": {{i}}}"""))]);

        var batches = Enumerable.Range(0, 8).Select(_ => api.PostJsonAsync(Url("batch-race"), batch));
        var singles = Enumerable.Range(1, 8).Select(i => api.PostJsonAsync("/api/v1/integrations/batch-race/records",
            $$$"""{"entityType": "invoice", "sourceId": "INV-{{{i}}}", "payload": {"amount": {{{i}}}}}"""));
        var responses = await Task.WhenAll(batches.Concat(singles));

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            response.Dispose();
        }

        var pending = await api.PendingRecordsAsync("batch-race");
        pending.Select(r => r.GetProperty("sourceId").GetString()).Order().ShouldBe(Enumerable.Range(1, 20).Select(i => $"INV-{i}").Order());
    }

    [Fact]
    public async Task IngestBatch_IngestOnlyApiKey_Returns202()
    {
        using var configured = factory.CreateApiClient();
        await configured.CreateIntegrationAsync("batch-ingest-key");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, await CreateIngestOnlyKeyAsync());

        using var response = await client.PostJsonAsync(Url("batch-ingest-key"), Batch(("INV-1", "{}"), ("INV-2", "{}")));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await ItemsAsync(response)).Count.ShouldBe(2);
        using var list = await client.GetAsync("/api/v1/integrations/batch-ingest-key/records?status=pending");
        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string Url(string slug) => $"/api/v1/integrations/{slug}/records:batch";

    private static string Batch(params (string SourceId, string Payload)[] records) =>
        $$"""{"records": [{{string.Join(", ", records.Select(r => $$"""{"entityType": "invoice", "sourceId": "{{r.SourceId}}", "payload": {{r.Payload}}}"""))}}]}""";

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private static async Task ShouldHoldOnlyAsync(HttpClient api, string slug, long id, int amount)
    {
        (await api.PendingRecordsAsync(slug)).Select(r => r.GetProperty("id").GetInt64()).ShouldBe([id]);
        (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("payload").GetProperty("amount").GetInt32().ShouldBe(amount);
    }

    private async Task<string> CreateIngestOnlyKeyAsync()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/api-keys");
        using var response = await admin.FormPostAsync("/api-keys?handler=Create", [new("Form.Name", "Batch exporter"), new("Form.Scope", nameof(ApiKeyScope.Ingest))]);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return Html.Parse(html).Single("#new-api-key").TextContent.Trim();
    }
}
