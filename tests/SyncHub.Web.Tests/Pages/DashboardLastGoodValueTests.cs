using System.Net;
using Shouldly;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>When a box's query fails it shows the last good figures with their age; with none yet, it says it is unavailable.</summary>
public sealed class DashboardLastGoodValueTests(DashboardOutageWebFactory factory) : IClassFixture<DashboardOutageWebFactory>
{
    private const string Stale = "live figures unavailable";
    private const string Unavailable = "temporarily unavailable";

    [Fact]
    public async Task Boxes_StoreDownAfterAGoodRead_ShowTheLastGoodFiguresWithTheirAge()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("stale-books");
        var ids = await factory.FailedRecordsAsync(api, "stale-books", 1, "Books are closed");
        using var browser = await Browser.SignedInAsync(factory);
        var live = await browser.OpenAsync("/");
        live.QuerySelectorAll(".section-stale").ShouldBeEmpty();

        factory.Store.Down = true;
        try
        {
            var page = await browser.OpenAsync("/");

            var errors = page.Single("#recent-errors");
            errors.Single(".section-stale").TextContent.ShouldContain(Stale);
            errors.Single(".section-stale").TextContent.ShouldMatch(@"As of \d\d:\d\d UTC \(\d+ (s|min) ago\)");
            errors.Single("#recent-errors-list").TextContent.ShouldContain("Books are closed");
            errors.ShouldHave($"#recent-errors-list a[href='/records/{ids[0]}']");
            var status = page.Single("#integration-status");
            status.Single(".section-stale").TextContent.ShouldContain(Stale);
            status.Single("#integration-stale-books [data-count=failed]").TextContent.Trim().ShouldNotBe("0");
            page.Single("#error-trend .section-stale").TextContent.ShouldContain(Stale);
            page.Single("#error-trend").QuerySelector("svg").ShouldNotBeNull();
            page.Single("#money-at-risk .section-stale").TextContent.ShouldContain(Stale);
            page.QuerySelectorAll(".section-unavailable").ShouldBeEmpty();
        }
        finally
        {
            factory.Store.Down = false;
        }
    }

    [Fact]
    public async Task ErrorsHandler_StoreDownAfterAGoodRead_ReturnsTheLastGoodListAndKeepsPolling()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("stale-feed");
        await factory.FailedRecordsAsync(api, "stale-feed", 1, "Feed is late");
        using var browser = await Browser.SignedInAsync(factory);
        using (var first = await browser.HtmxGetAsync("/?handler=Errors"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        factory.Store.Down = true;
        try
        {
            using var response = await browser.HtmxGetAsync("/?handler=Errors");

            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
            var box = Html.Parse(html).Single("#recent-errors");
            box.Single(".section-stale").TextContent.ShouldContain(Stale);
            box.Single("#recent-errors-list").TextContent.ShouldContain("Feed is late");
            box.GetAttribute("hx-trigger").ShouldNotBeNull().ShouldStartWith("every ");
        }
        finally
        {
            factory.Store.Down = false;
        }

        using var recovered = await browser.HtmxGetAsync("/?handler=Errors");
        var again = Html.Parse(await recovered.Content.ReadAsStringAsync()).Single("#recent-errors");
        again.QuerySelector(".section-stale").ShouldBeNull();
        again.Single("#recent-errors-list").TextContent.ShouldContain("Feed is late");
    }

    [Fact]
    public async Task TrendHandler_StoreDownBeforeThatRangeWasEverRead_SaysUnavailable()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/");

        factory.Store.Down = true;
        try
        {
            using var response = await browser.HtmxGetAsync("/?handler=Trend&range=month");

            var box = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#error-trend");
            box.TextContent.ShouldContain(Unavailable);
            box.QuerySelector(".section-stale").ShouldBeNull();
            box.QuerySelector("svg").ShouldBeNull();
        }
        finally
        {
            factory.Store.Down = false;
        }
    }
}
