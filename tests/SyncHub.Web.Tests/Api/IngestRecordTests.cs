using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

// Nothing here delivers: background delivery is off, so ingested records stay pending.
public sealed class IngestRecordTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Ingest_NewRecord_Returns202Pending()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("ingest-new");

        using var response = await api.PostJsonAsync("/api/v1/integrations/ingest-new/records", """{"entityType": "invoice", "sourceId": "INV-1", "payload": {"amount": 10}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetInt64();
        body.GetProperty("status").GetString().ShouldBe("pending");
        body.GetProperty("created").GetBoolean().ShouldBeTrue();
        response.Headers.Location?.OriginalString.ShouldBe($"/api/v1/records/{id}");
    }

    [Fact]
    public async Task Ingest_SameSourceIdWithNewPayload_UpdatesTheOneRecord()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("ingest-again");
        var first = await api.IngestAsync("ingest-again", "INV-7", """{"amount": 10}""");

        using var response = await api.PostJsonAsync("/api/v1/integrations/ingest-again/records", """{"entityType": "invoice", "sourceId": "INV-7", "payload": {"amount": 20}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.ReadJsonAsync();
        body.GetProperty("id").GetInt64().ShouldBe(first);
        body.GetProperty("created").GetBoolean().ShouldBeFalse();
        body.GetProperty("status").GetString().ShouldBe("pending");
        var pending = await api.GetJsonAsync("/api/v1/integrations/ingest-again/records?status=pending");
        pending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe([first]);
        var record = await api.GetJsonAsync($"/api/v1/records/{first}");
        record.GetProperty("payload").GetProperty("amount").GetInt32().ShouldBe(20);
    }

    [Theory]
    [InlineData("""{"sourceId": "INV-1", "payload": {}}""", "entityType")]
    [InlineData("""{"entityType": "in voice", "sourceId": "INV-1", "payload": {}}""", "entityType")]
    [InlineData("""{"entityType": "invoice", "payload": {}}""", "sourceId")]
    [InlineData("""{"entityType": "invoice", "sourceId": "INV-1"}""", "payload")]
    [InlineData("""{"entityType": "invoice", "sourceId": "INV-1", "payload": [1, 2]}""", "payload")]
    [InlineData("""{"entityType": "invoice", "sourceId": "INV-1", "payload": "text"}""", "payload")]
    [InlineData("""{"entityType": 12, "sourceId": "INV-1", "payload": {}}""", "entityType")]
    [InlineData("""{"entityType": "invoice", "sourceId": {"id": 1}, "payload": {}}""", "sourceId")]
    public async Task Ingest_InvalidField_Returns400NamingTheField(string json, string field)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync( "ingest-invalid");

        using var response = await api.PostJsonAsync("/api/v1/integrations/ingest-invalid/records", json);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Ingest_UnknownIntegration_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync("/api/v1/integrations/nowhere/records", """{"entityType": "invoice", "sourceId": "INV-1", "payload": {}}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // TestServer ignores request size limits, so this one runs the app on a loopback Kestrel port.
    [Fact]
    public async Task Ingest_BodyOverOneMegabyte_Returns413()
    {
        await using var kestrel = new SyncHubWebFactory();
        using var api = new HttpClient { BaseAddress = new Uri(kestrel.StartKestrel()) };
        api.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);
        await api.CreateIntegrationAsync("ingest-huge");
        var padding = new string('x', 1024 * 1024);

        using var response = await api.PostJsonAsync("/api/v1/integrations/ingest-huge/records", $$$"""{"entityType": "invoice", "sourceId": "INV-1", "payload": {"notes": "{{{padding}}}"}}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Ingest_PayloadOver256KilobytesButUnderTheBodyLimit_Returns400NamingPayload()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("ingest-big");
        var padding = new string('x', 300 * 1024);

        using var response = await api.PostJsonAsync("/api/v1/integrations/ingest-big/records", $$$"""{"entityType": "invoice", "sourceId": "INV-1", "payload": {"notes": "{{{padding}}}"}}""");

        await response.ShouldBeValidationProblemAsync("payload");
    }
}
