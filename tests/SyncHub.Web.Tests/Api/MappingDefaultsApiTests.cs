using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class MappingDefaultsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Url = "/api/v1/integrations";

    [Fact]
    public async Task Create_WithMappingDefaults_InvalidValueDeliveredWithDefaultAndNotedInTheSyncLog()
    {
        using var api = factory.CreateApiClient();
        using var created = await api.PostJsonAsync(Url, """
            {"slug": "defaults", "name": "Defaults", "connector": "fake",
             "mapping": "{\"unitPrice\": {{ payload.total / payload.quantity }}}",
             "mappingDefaults": {"quantity": 1}}
            """);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var id = await api.IngestAsync("defaults", "INV-1", """{"total": 12, "quantity": 0}""");
        await factory.DeliverPendingAsync();

        var record = await api.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("status").GetString().ShouldBe("delivered");
        factory.Gateway.RequestsFor(id).ShouldHaveSingleItem().Body.ShouldBe("""{"unitPrice": 12}""");
        var attempt = record.GetProperty("attempts").EnumerateArray().ShouldHaveSingleItem();
        attempt.GetProperty("message").GetString()!.ShouldStartWith("Delivered with mapping defaults for: quantity.");
    }

    [Theory]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"quantity": null}""")]
    [InlineData("""{"a": {"b": {"c": {"d": {"e": {"f": {"g": 1}}}}}}}""")]
    public async Task Create_InvalidMappingDefaults_Returns400NamingTheField(string defaults)
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync(Url, $$"""{"slug": "bad-defaults", "name": "x", "connector": "fake", "mappingDefaults": {{defaults}}}""");

        await response.ShouldBeValidationProblemAsync("mappingDefaults");
    }
}
