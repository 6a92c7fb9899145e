using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>Every API error is problem JSON, never a redirect to a page, and a bad parameter is named in errors.</summary>
public sealed class ApiErrorShapeTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("/api/v1/nope")]
    [InlineData("/api/v1/records/abc")]
    [InlineData("/api/v1/records/99999999999999999999")]
    [InlineData("/api/v1/operations/not-a-guid")]
    [InlineData("/api/v1/reviews/abc")]
    public async Task UnknownRouteOrMalformedId_WithKey_Returns404Problem(string url)
    {
        using var api = NoRedirects();

        using var response = await api.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownRoute_WithoutKey_Returns401Problem()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/api/v1/nope");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemWithAllow()
    {
        using var api = NoRedirects();

        using var response = await api.DeleteAsync("/api/v1/operations/" + Guid.NewGuid());

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["GET"]);
    }

    [Fact]
    public async Task FormBody_ToAJsonEndpoint_Returns415Problem()
    {
        using var api = NoRedirects();

        using var response = await api.PostAsync("/api/v1/integrations", new FormUrlEncodedContent([new("slug", "x")]));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/integrations/books/records?limit=abc", "limit")]
    [InlineData("/api/v1/integrations/books/records?limit=99999999999", "limit")]
    [InlineData("/api/v1/integrations/books/records?after=-3", "after")]
    [InlineData("/api/v1/integrations/books/runs?before=soon", "before")]
    [InlineData("/api/v1/audit?from=yesterday", "from")]
    [InlineData("/api/v1/alerts?page=0", "page")]
    [InlineData("/api/v1/reviews?status=maybe", "status")]
    public async Task BadQueryValue_Returns400NamingTheParameter(string url, string parameter)
    {
        using var api = NoRedirects();
        await api.EnsureIntegrationAsync("books");

        using var response = await api.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    // TestServer ignores request size limits, so the size tests run the app on a loopback Kestrel port.
    [Fact]
    public async Task NonIngestBody_OverOneMegabyte_Returns413Problem()
    {
        await using var kestrel = new SyncHubWebFactory();
        using var api = new HttpClient { BaseAddress = new Uri(kestrel.StartKestrel()) };
        api.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);
        await api.CreateIntegrationAsync("huge");
        var reason = new string('x', 1024 * 1024 + 10);

        using var dismiss = await api.PostJsonAsync("/api/v1/integrations/huge/records/dismiss", $$"""{"ids": [1], "reason": "{{reason}}"}""");
        var batch = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"entityType": "invoice", "sourceId": "BIG-{{i}}", "payload": {"note": "{{new string('n', 60_000)}}"} }"""));
        using var records = await api.PostJsonAsync("/api/v1/integrations/huge/records:batch", $$"""{"records": [{{batch}}]}""");

        await dismiss.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        records.StatusCode.ShouldBe(HttpStatusCode.Accepted, "a batch may weigh up to 16 MB");
    }

    private HttpClient NoRedirects()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);
        return client;
    }
}
