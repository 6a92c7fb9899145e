using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Security;

/// <summary>
/// Every endpoint in the routing table, asked with no cookie and no key: the API answers 401, pages send the
/// browser to sign in, and only an explicit allow-list gets past authorization. A new endpoint that forgets
/// its protection fails here without anyone having to remember to add a test for it.
/// </summary>
public sealed class EndpointAuthorizationTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    // What each endpoint that anonymous requests get past authorization answers to an empty, token-less request.
    // The POSTs are 400 because the antiforgery check, which runs after authorization, refuses them (except the
    // error page, which must answer a re-run crashed POST). Only sign-in,
    // sign-out and the "not allowed" page of /Account are anonymous; changing a password needs a signed-in user.
    // The liveness and readiness probes are anonymous (orchestrators probe without credentials) and say nothing
    // but check names and statuses; /metrics wants a full API key like the API does.
    private static readonly Dictionary<string, HttpStatusCode> AllowList = new(StringComparer.Ordinal)
    {
        ["GET /account/sign-in"] = HttpStatusCode.OK,
        ["POST /account/sign-in"] = HttpStatusCode.BadRequest,
        ["GET /account/sign-out"] = HttpStatusCode.Redirect,
        ["POST /account/sign-out"] = HttpStatusCode.BadRequest,
        ["GET /account/denied"] = HttpStatusCode.OK,
        ["POST /account/denied"] = HttpStatusCode.BadRequest,
        ["GET /error"] = HttpStatusCode.OK,
        ["POST /error"] = HttpStatusCode.OK, // the error page answers the re-run of a failed POST without a token
        ["GET /healthz"] = HttpStatusCode.OK,
        ["POST /healthz"] = HttpStatusCode.OK,
        ["GET /readyz"] = HttpStatusCode.OK,
        ["POST /readyz"] = HttpStatusCode.OK,

        // The OpenAPI document is anonymous: it is the same on every installation of a version (the repository carries
        // it as docs/openapi.json, and a test keeps them equal), so it tells nothing the repository does not, and client
        // generators fetch it without credentials. Only this exact path; the API it describes still needs a key.
        ["GET /openapi/v1.json"] = HttpStatusCode.OK,
    };

    [Fact]
    public void RoutingTable_AllDataSources_ListsPagesApiAndHealthCheck()
    {
        var routes = Endpoints().Select(e => e.Route).ToHashSet(StringComparer.Ordinal);

        string[] known =
        [
            "/", "/failed", "/records/{id:long}", "/users", "/api-keys", "/audit", "/account/sign-in", "/error", "/healthz", "/readyz", "/metrics",
            "/api/v1/integrations", "/api/v1/integrations/{slug}/records", "/api/v1/operations/{id:guid}", "/openapi/v1.json", "/api-reference",
        ];
        known.Except(routes).ShouldBeEmpty(string.Join("\n", routes));
    }

    [Fact]
    public async Task ApiEndpoint_WithoutKey_Returns401Problem()
    {
        var probes = await ProbeAsync();

        ShouldAll401Problem(probes);
    }

    [Fact]
    public async Task PageEndpoint_NotAllowListed_WithoutSignIn_RedirectsToSignInWithReturnUrl()
    {
        var probes = await ProbeAsync();

        ShouldAllBeSentToSignIn(probes);
    }

    [Fact]
    public async Task AnonymousRequests_PastAuthorization_AreExactlyTheAllowList()
    {
        var reached = (await ProbeAsync()).Where(p => !p.IsSignInChallenge && p.Status != HttpStatusCode.Unauthorized).ToList();

        reached.ToDictionary(p => p.Key, p => p.Status).OrderBy(p => p.Key, StringComparer.Ordinal)
            .ShouldBe(AllowList.OrderBy(p => p.Key, StringComparer.Ordinal), string.Join("\n", reached));
    }

    [Fact]
    public async Task PageEndpoint_WithOnlyAFullApiKey_RedirectsToSignIn()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);

        var probes = await ProbeAsync(client);

        ShouldAllBeSentToSignIn(probes);
    }

    [Fact]
    public async Task ApiEndpoint_WithOnlyTheAdministratorsCookie_Returns401Problem()
    {
        // A browser session must not reach the API: that would make every API call forgeable from another site.
        using var client = await factory.CreateSignedInClientAsync();

        var probes = await ProbeAsync(client);

        ShouldAll401Problem(probes);
    }

    private static void ShouldAll401Problem(List<Probe> probes)
    {
        var api = probes.Where(p => p.IsApi).ToList();
        api.Count.ShouldBeGreaterThanOrEqualTo(8);
        api.Where(p => p.Status != HttpStatusCode.Unauthorized || p.MediaType != "application/problem+json")
            .Select(p => p.ToString()).ShouldBeEmpty();
    }

    private static void ShouldAllBeSentToSignIn(List<Probe> probes)
    {
        var pages = probes.Where(p => !p.IsApi && !AllowList.ContainsKey(p.Key)).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(10);
        pages.Where(p => !p.IsSignInChallenge).Select(p => p.ToString()).ShouldBeEmpty();
    }

    /// <summary>One request per endpoint and method, with no cookie, no key and (for POSTs) an empty form.</summary>
    private async Task<List<Probe>> ProbeAsync()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        return await ProbeAsync(client);
    }

    private async Task<List<Probe>> ProbeAsync(HttpClient client)
    {
        var probes = new List<Probe>();
        foreach (var (route, url, methods) in Endpoints())
        {
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == HttpMethods.Post)
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.SendAsync(request);
                probes.Add(new Probe(method, route, url, response.StatusCode, response.Headers.Location, response.Content.Headers.ContentType?.MediaType));
            }
        }

        return probes;
    }

    /// <summary>
    /// Every <see cref="RouteEndpoint"/> of every data source, with a concrete URL. Endpoints without method
    /// metadata (Razor Pages, the health check) accept any method, so they are asked with GET and POST.
    /// </summary>
    private IEnumerable<(string Route, string Url, IReadOnlyList<string> Methods)> Endpoints() =>
        factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => (
                Route: "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/'),
                Url: UrlFor(endpoint.RoutePattern),
                Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                    ? methods
                    : (IReadOnlyList<string>)[HttpMethods.Get, HttpMethods.Post]))
            .DistinctBy(e => e.Route + " " + string.Join(",", e.Methods));

    private static string UrlFor(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => ValueFor(parameter),
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        }))));

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("long") || constraints.Contains("int") ? "1"
            : constraints.Contains("guid") ? Guid.NewGuid().ToString()
            : "x";
    }

    private sealed record Probe(string Method, string Route, string Url, HttpStatusCode Status, Uri? Location, string? MediaType)
    {
        public string Key => $"{Method} {Route}";

        public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal) || Route == "/metrics";

        /// <summary>The cookie handler's challenge: to the sign-in page, carrying the requested URL back.</summary>
        public bool IsSignInChallenge =>
            Status == HttpStatusCode.Redirect
            && Location is { IsAbsoluteUri: true } location
            && location.AbsolutePath == "/account/sign-in"
            && location.Query == "?ReturnUrl=" + Uri.EscapeDataString(Url);

        public override string ToString() => $"{Method} {Url} ({Route}) -> {(int)Status} {Location} {MediaType}";
    }
}
