using System.Net;
using System.Text;
using System.Text.Json;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Calls the JSON API the way an integrator would: raw JSON in, raw JSON out.</summary>
internal static class ApiCalls
{
    public const string DefaultPayload = """{"amount": 12.5, "customer": "Acme Ltd"}""";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, Json(json));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> CreateIntegrationAsync(
        this HttpClient client, string slug, string connector = FakeGateway.Name, string settings = "null", string retry = "null")
    {
        var body = $$"""{"slug": "{{slug}}", "name": "Books {{slug}}", "connector": "{{connector}}", "settings": {{settings}}, "retry": {{retry}}}""";
        using var response = await client.PostJsonAsync("/api/v1/integrations", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Creates the integration unless an earlier test in the class already did.</summary>
    public static async Task EnsureIntegrationAsync(this HttpClient client, string slug)
    {
        using var existing = await client.GetAsync($"/api/v1/integrations/{slug}");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await client.CreateIntegrationAsync(slug);
        }
    }

    /// <summary>Creates an integration on the fake source connector unless an earlier test in the class already did.</summary>
    public static async Task EnsureSourceIntegrationAsync(this HttpClient client, string slug)
    {
        using var existing = await client.GetAsync($"/api/v1/integrations/{slug}");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await client.CreateIntegrationAsync(slug, FakeSource.Name);
        }
    }

    public static async Task<long> IngestAsync(this HttpClient client, string slug, string sourceId, string payload = DefaultPayload)
    {
        var body = $$"""{"entityType": "invoice", "sourceId": "{{sourceId}}", "payload": {{payload}}}""";
        using var response = await client.PostJsonAsync($"/api/v1/integrations/{slug}/records", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Starts a retry through the API and returns the operation id.</summary>
    public static async Task<string> StartRetryAsync(this HttpClient client, string slug, string body)
    {
        using var response = await client.PostJsonAsync($"/api/v1/integrations/{slug}/records/retry", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("operationId").GetString()!;
    }

    public static Task<JsonElement> WaitForOperationAsync(this HttpClient client, string operationId) =>
        Eventually.MatchesAsync(
            () => client.GetJsonAsync($"/api/v1/operations/{operationId}"),
            operation => operation.GetProperty("status").GetString() != "running",
            $"operation {operationId} to end");

    /// <summary>A 400 validation problem whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task ShouldBeValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        using var document = JsonDocument.Parse(body);
        document.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue(body);
        errors.TryGetProperty(field, out _).ShouldBeTrue($"expected an error for '{field}' in {body}");
    }

    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status, body);
    }
}
