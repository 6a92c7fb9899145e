using System.Net;
using Shouldly;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class DashboardIsolationTests(BrokenTrendWebFactory factory) : IClassFixture<BrokenTrendWebFactory>
{
    private const string Unavailable = "temporarily unavailable";

    [Fact]
    public async Task Index_TrendQueryFails_TrendBoxSaysUnavailableAndTheOthersRender()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("iso-books");
        await factory.FailedRecordsAsync(api, "iso-books", 1);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        page.Single("#error-trend").TextContent.ShouldContain(Unavailable);
        page.Single("#error-trend").QuerySelector("svg").ShouldBeNull();
        page.ShouldHave("#integration-status #integration-iso-books");
        page.Single("#recent-errors-list").TextContent.ShouldContain("still failing");
        page.Single("#money-at-risk").TextContent.ShouldNotContain(Unavailable);
        page.Single("#integration-status").TextContent.ShouldNotContain(Unavailable);
        factory.Logs.Lines.ShouldContain(line => line.Contains("error-trend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrendHandler_QueryFails_ReturnsTheBoxSayingUnavailableSoItKeepsPolling()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/?handler=Trend&range=month");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var box = Html.Parse(html).Single("#error-trend");
        box.TextContent.ShouldContain(Unavailable);
        box.GetAttribute("hx-get").ShouldBe("/?handler=Trend&range=month");
        box.GetAttribute("hx-trigger").ShouldNotBeNull().ShouldContain("every");
    }
}
