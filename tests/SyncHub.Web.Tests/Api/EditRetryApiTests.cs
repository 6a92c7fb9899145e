using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class EditRetryApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Payload = """{"customer": "Acme Ltd", "email": "billing(at)acme"}""";

    [Fact]
    public async Task EditRetry_FailedRecord_Returns200WithTheNewVersionAndDelivers()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "api-edit", Payload);

        using var response = await api.PostJsonAsync(
            $"/api/v1/integrations/api-edit/records/{id}/edit-retry", """{"payload": {"customer": "Acme Ltd", "email": "billing@acme.example"}, "payloadVersion": 1}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        body.GetProperty("id").GetInt64().ShouldBe(id);
        body.GetProperty("payloadVersion").GetInt32().ShouldBe(2);
        body.GetProperty("status").GetString().ShouldBe("delivered");
        var record = await api.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("payload").GetProperty("email").GetString().ShouldBe("billing@acme.example");
        record.GetProperty("idempotencyKey").GetString()!.ShouldEndWith(".2");
        var audit = (await factory.AuditForAsync(id)).ShouldHaveSingleItem();
        (audit.Action, audit.Actor).ShouldBe(("record.edit-retry", "configured key"));
    }

    [Theory]
    [InlineData("""{"payload": [1, 2]}""", "payload")]
    [InlineData("""{"payload": "{}"}""", "payload")]
    [InlineData("""{}""", "payload")]
    [InlineData("""{"payload": {"customer": "Acme Ltd", "email": "billing(at)acme"}}""", "payload")]
    [InlineData("""{"payload": {}, "payloadVersion": "one"}""", "payloadVersion")]
    public async Task EditRetry_BadBody_Returns400NamingTheField(string body, string field)
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "api-edit-bad", Payload);

        using var response = await api.PostJsonAsync($"/api/v1/integrations/api-edit-bad/records/{id}/edit-retry", body);

        await response.ShouldBeValidationProblemAsync(field);
        (await factory.RecordAsync(id)).PayloadVersion.ShouldBe(1);
    }

    [Fact]
    public async Task EditRetry_IngestOnlyKey_Returns403AndChangesNothing()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "api-edit-scope", Payload);
        using var ingestOnly = factory.CreateClient();
        ingestOnly.DefaultRequestHeaders.Add("X-Api-Key", await CreateIngestOnlyKeyAsync());

        using var response = await ingestOnly.PostJsonAsync($"/api/v1/integrations/api-edit-scope/records/{id}/edit-retry", """{"payload": {"a": 1}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.RecordAsync(id)).PayloadVersion.ShouldBe(1);
    }

    [Fact]
    public async Task EditRetry_UnknownRecordOrIntegration_Returns404()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "api-edit-404", Payload);
        await api.EnsureIntegrationAsync("api-edit-other");

        using var unknown = await api.PostJsonAsync("/api/v1/integrations/api-edit-404/records/987654/edit-retry", """{"payload": {"a": 1}}""");
        using var otherIntegration = await api.PostJsonAsync($"/api/v1/integrations/api-edit-other/records/{id}/edit-retry", """{"payload": {"a": 1}}""");
        using var noIntegration = await api.PostJsonAsync($"/api/v1/integrations/nope/records/{id}/edit-retry", """{"payload": {"a": 1}}""");

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await otherIntegration.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await noIntegration.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.RecordAsync(id)).PayloadVersion.ShouldBe(1);
    }

    [Fact]
    public async Task EditRetry_DeliveredRecordOrStaleVersion_Returns409()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-edit-409");
        var delivered = await api.IngestAsync("api-edit-409", "INV-delivered");
        await factory.DeliverPendingAsync();
        var failed = await factory.InvalidRecordAsync(api, "api-edit-409", Payload);

        using var deliveredResponse = await api.PostJsonAsync($"/api/v1/integrations/api-edit-409/records/{delivered}/edit-retry", """{"payload": {"a": 1}}""");
        using var staleResponse = await api.PostJsonAsync($"/api/v1/integrations/api-edit-409/records/{failed}/edit-retry", """{"payload": {"a": 1}, "payloadVersion": 7}""");

        await deliveredResponse.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await deliveredResponse.ReadJsonAsync()).GetProperty("detail").GetString()!.ShouldContain("A delivered record cannot be edited");
        await staleResponse.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await factory.RecordAsync(delivered)).Status.ShouldBe(RecordStatus.Delivered);
        (await factory.RecordAsync(failed)).PayloadVersion.ShouldBe(1);
    }

    private async Task<string> CreateIngestOnlyKeyAsync()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/api-keys");
        using var response = await admin.FormPostAsync("/api-keys?handler=Create", [new("Form.Name", "Edit exporter"), new("Form.Scope", nameof(ApiKeyScope.Ingest))]);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return Html.Parse(html).Single("#new-api-key").TextContent.Trim();
    }
}
