using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class DashboardTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Index_WithIntegrations_RendersOneCardPerIntegrationLinkingToItsFailedRecords()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("dash-books");
        await api.EnsureIntegrationAsync("dash-shop");
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        var status = page.Single("#integration-status");
        foreach (var slug in new[] { "dash-books", "dash-shop" })
        {
            var card = status.QuerySelector($"#integration-{slug}");
            card.ShouldNotBeNull(slug);
            var link = card.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "View Failed Records");
            link.ShouldNotBeNull(slug);
            link.GetAttribute("href").ShouldBe($"/failed?integration={slug}");
        }

        status.QuerySelectorAll(".integration-card").Length.ShouldBe(2);
    }

    [Fact]
    public async Task StatusHandler_HtmxRequest_ReturnsOnlyTheFragment()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("dash-books");
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/?handler=Status");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        html.TrimStart().ShouldStartWith("<section id=\"integration-status\"");
        Html.Parse(html).ShouldHave("#integration-dash-books");
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/?handler=Status", true)]
    [InlineData("/failed", false)]
    public async Task Page_AnyResponse_VariesOnHxRequestAndForbidsInlineScript(string url, bool htmx)
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = htmx ? await browser.HtmxGetAsync(url) : await browser.Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Vary.ShouldContain(v => string.Equals(v, "HX-Request", StringComparison.OrdinalIgnoreCase));
        response.Headers.TryGetValues("Content-Security-Policy", out var values).ShouldBeTrue();
        var directives = values!.Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var scriptSrc = directives.SingleOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
            ?? directives.Single(d => d.StartsWith("default-src ", StringComparison.Ordinal));
        scriptSrc.ShouldNotContain("'unsafe-inline'");
        scriptSrc.ShouldNotContain("'unsafe-eval'");
    }

    [Fact]
    public async Task Index_Page_HasNoInlineScripts()
    {
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent));
    }
}
