using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

/// <summary>Changing an integration (fields left out keep their value), its mapping, and deleting a paused one.</summary>
public sealed class IntegrationChangesApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Patch_OnlyTheName_KeepsRetryAndSettings()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("patched", "sandbox", settings: """{"latencyMs": 5}""", retry: """{"maxAutomaticAttempts": 4}""");

        using var renamed = await api.SendAsync(Patch("/api/v1/integrations/patched", """{"name": "Renamed books"}"""));
        using var latency = await api.SendAsync(Patch("/api/v1/integrations/patched", """{"settings": {"latencyMs": 7}}"""));

        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await renamed.ReadJsonAsync()).GetProperty("name").GetString().ShouldBe("Renamed books");
        latency.StatusCode.ShouldBe(HttpStatusCode.OK);
        var details = (await api.GetJsonAsync("/api/v1/audit?action=integration.update&target=integration%20patched")).GetProperty("items")
            .EnumerateArray().Select(e => e.GetProperty("detail").GetString()!).ToList();
        details.Count.ShouldBe(2);
        details[1].ShouldContain("settings changed: none");
        details[1].ShouldContain("4 attempts");
        details[0].ShouldContain("settings changed: latencyMs");
        (await api.GetJsonAsync("/api/v1/integrations/patched")).GetProperty("name").GetString().ShouldBe("Renamed books");
    }

    [Fact]
    public async Task Patch_InvalidValues_Returns400NamingThemAndChangesNothing()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("strict", "sandbox", settings: """{"latencyMs": 5}""");

        using var response = await api.SendAsync(Patch("/api/v1/integrations/strict", """{"name": " ", "settings": {"latencyMs": "soon"}, "retry": {"factor": 50}}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("retry.factor", out _).ShouldBeTrue();
        errors.EnumerateObject().Select(e => e.Name).ShouldContain(name => name.Contains("latencyMs", StringComparison.Ordinal));
        (await api.GetJsonAsync("/api/v1/integrations/strict")).GetProperty("name").GetString().ShouldBe("Books strict");
    }

    [Fact]
    public async Task SaveMapping_ValidThenBroken_StoresTheFirstAndNamesTheFieldOfTheSecond()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("mapped");

        using var saved = await api.PutAsync("/api/v1/integrations/mapped/mapping", ApiCalls.Json(
            """{"mapping": "{\"total\": {{ payload.amount }}}", "mappingTemplates": {"customer": "{\"name\": {{ payload.name | object.to_json }}}"}, "mappingDefaults": {"amount": 0}}"""));
        using var broken = await api.PutAsync("/api/v1/integrations/mapped/mapping", ApiCalls.Json("""{"mapping": "{{ if }}"}"""));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await broken.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await broken.ReadJsonAsync()).GetProperty("errors").TryGetProperty("mapping", out _).ShouldBeTrue();
        var mapping = await api.GetJsonAsync("/api/v1/integrations/mapped/mapping");
        mapping.GetProperty("mapping").GetString().ShouldBe("{\"total\": {{ payload.amount }}}");
        mapping.GetProperty("mappingTemplates").GetProperty("customer").GetString()!.ShouldContain("payload.name");
        mapping.GetProperty("mappingDefaults").GetProperty("amount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Delete_RunningThenPaused_RefusedThenRemovesItWithItsRecordsAndAudits()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("doomed");
        await api.IngestAsync("doomed", "D-1");
        await api.IngestAsync("doomed", "D-2");

        using var running = await api.DeleteAsync("/api/v1/integrations/doomed");
        (await api.PostAsync("/api/v1/integrations/doomed/pause", null)).Dispose();
        using var deleted = await api.DeleteAsync("/api/v1/integrations/doomed");
        using var gone = await api.GetAsync("/api/v1/integrations/doomed");
        using var again = await api.DeleteAsync("/api/v1/integrations/doomed");

        await running.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK, await deleted.Content.ReadAsStringAsync());
        (await deleted.ReadJsonAsync()).GetProperty("recordsDeleted").GetInt32().ShouldBe(2);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var entry = (await api.GetJsonAsync("/api/v1/audit?action=integration.delete")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("target").GetString().ShouldBe("integration doomed");
        entry.GetProperty("detail").GetString()!.ShouldContain("2 records deleted");
    }

    private static HttpRequestMessage Patch(string url, string json) => new(HttpMethod.Patch, url) { Content = ApiCalls.Json(json) };
}
