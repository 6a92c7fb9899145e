using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

public sealed class SecurityHeadersTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task SignInPage_Anonymous_SendsAStrictContentSecurityPolicyAndItsCompanions()
    {
        using var browser = Browser.Anonymous(factory);

        using var response = await browser.Client.GetAsync("/account/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = Directives(response);
        policy["script-src"].ShouldContain("'self'");
        policy["script-src"].ShouldNotContain("'unsafe-inline'");
        policy["script-src"].ShouldNotContain("'unsafe-eval'");
        policy["frame-ancestors"].ShouldBe(["'none'"]);
        policy["object-src"].ShouldBe(["'none'"]);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/integrations")]
    [InlineData("/healthz")]
    public async Task AnyResponse_RedirectProblemOrPlainText_CarriesTheHeadersToo(string url)
    {
        using var browser = Browser.Anonymous(factory);

        using var response = await browser.Client.GetAsync(url);

        Directives(response)["frame-ancestors"].ShouldBe(["'none'"]);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
    }

    [Fact]
    public async Task SignInPage_Markup_HasNoInlineScriptsOrHandlers()
    {
        using var browser = Browser.Anonymous(factory);

        var page = await browser.OpenAsync("/account/sign-in");

        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent));
        page.All.ShouldNotContain(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.OrdinalIgnoreCase);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new ShouldAssertException($"No {name} header on {response.RequestMessage?.RequestUri}");
}
