using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Pages;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class DashboardBoxesTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Index_WithFailures_ShowsTrendByClassFeedAndMoneyAtRisk()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("boxes-books");
        await api.IngestAsync("boxes-books", "PAID", """{"amount": 1000, "currency": "EUR"}""");
        await factory.DeliverPendingAsync();
        await api.IngestAsync("boxes-books", "T-1", """{"amount": 100.10, "currency": "EUR"}""");
        await api.IngestAsync("boxes-books", "T-2", """{"total": "20.25", "currencyCode": "EUR"}""");
        var invalid = await api.IngestAsync("boxes-books", "V-1", """{"amount": 5, "currency": "USD"}""");
        factory.Gateway.ThenFail(ErrorClass.Transient, "Service unavailable", 503)
            .ThenFail(ErrorClass.Transient, "Service unavailable", 503)
            .ThenFail(ErrorClass.Validation, "Contact is required", 400);
        await factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        var trend = page.Single("#error-trend");
        trend.QuerySelectorAll("svg rect.trend-transient").Length.ShouldBe(1);
        trend.QuerySelectorAll("svg rect.trend-validation").Length.ShouldBe(1);
        trend.QuerySelector("svg polyline.trend-delivered").ShouldNotBeNull();
        var legend = page.Single("#trend-legend").TextContent;
        legend.ShouldContain(Display.ErrorLabel(ErrorClass.Transient));
        legend.ShouldContain(Display.ErrorLabel(ErrorClass.Validation));
        var table = page.Single("#trend-table");
        table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ShouldBe(
            ["Hour (UTC)", Display.ErrorLabel(ErrorClass.Transient), Display.ErrorLabel(ErrorClass.Validation), "Failed", "Delivered"]);
        table.QuerySelectorAll("tbody tr").Length.ShouldBe(24);
        table.QuerySelectorAll("tfoot td").Select(td => td.TextContent.Trim()).ShouldBe(["2", "1", "3", "1"]);

        var feed = page.Single("#recent-errors-list");
        feed.TextContent.ShouldContain("still failing");
        feed.TextContent.ShouldContain(Display.ErrorLabel(ErrorClass.Validation));
        feed.QuerySelector($"a[href='/records/{invalid}']").ShouldNotBeNull();

        page.Single("#money-boxes-books-eur [data-amount]").GetAttribute("data-amount").ShouldBe("120.35");
        page.Single("#money-boxes-books-usd [data-amount]").GetAttribute("data-amount").ShouldBe("5");
        page.Single("#money-boxes-books-eur").TextContent.ShouldContain("120.35");
    }

    [Theory]
    [InlineData("/?handler=Trend&range=month", "error-trend")]
    [InlineData("/?handler=Trend&range=day", "error-trend")]
    [InlineData("/?handler=Errors", "recent-errors")]
    [InlineData("/?handler=Money", "money-at-risk")]
    public async Task BoxHandler_HtmxRequest_ReturnsOnlyItsBoxThatPollsItself(string url, string id)
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync(url);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        html.TrimStart().ShouldStartWith($"<section id=\"{id}\"");
        var box = Html.Parse(html).Single($"#{id}");
        box.GetAttribute("hx-get").ShouldBe(url);
        box.GetAttribute("hx-trigger").ShouldNotBeNull().ShouldStartWith("every ");
        box.TextContent.ShouldNotContain("temporarily unavailable");
    }

    [Fact]
    public async Task TrendHandler_Month_HasThirtyDailyRows()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/?handler=Trend&range=month");

        var table = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#trend-table");
        table.QuerySelectorAll("tbody tr").Length.ShouldBe(30);
        table.Single("thead th").TextContent.ShouldBe("Day (UTC)");
    }
}
