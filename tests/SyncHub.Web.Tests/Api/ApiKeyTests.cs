using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class ApiKeyTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/v1/integrations" },
        { "GET", "/api/v1/integrations" },
        { "GET", "/api/v1/integrations/books" },
        { "POST", "/api/v1/integrations/books/records" },
        { "GET", "/api/v1/integrations/books/records" },
        { "GET", "/api/v1/records/1" },
        { "POST", "/api/v1/integrations/books/records/retry" },
        { "GET", $"/api/v1/operations/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithoutApiKey_Returns401Problem(string method, string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Request(method, url, apiKey: null));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithWrongApiKey_Returns401Problem(string method, string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Request(method, url, apiKey: SyncHubWebFactory.ApiKey + "x"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ListIntegrations_WithValidApiKey_Returns200()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Request("GET", "/api/v1/integrations", SyncHubWebFactory.ApiKey));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Request(string method, string url, string? apiKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = ApiCalls.Json("{}");
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }
}
