using System.Net;
using AngleSharp.Dom;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class RetryAllTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task RetryAll_HtmxRequest_ReturnsPollingProgressThatFinishesWithAnOutOfBandList()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("all-htmx");
        var ids = await factory.FailedRecordsAsync(api, "all-htmx", 3);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=all-htmx");

        using var response = await browser.HtmxPostAsync("/failed?handler=RetryAll&integration=all-htmx");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        var progress = Html.Parse(html).Single("#operation-progress");
        progress.GetAttribute("hx-trigger").ShouldBe("every 1s");
        var poll = progress.GetAttribute("hx-get");
        poll.ShouldNotBeNull();
        poll.ShouldStartWith("/failed?handler=Progress&id=");

        var finished = await Eventually.MatchesAsync(
            async () =>
            {
                using var next = await browser.HtmxGetAsync(poll);
                next.StatusCode.ShouldBe(HttpStatusCode.OK);
                return Html.Parse(await next.Content.ReadAsStringAsync());
            },
            fragment => !fragment.Single("#operation-progress").HasAttribute("hx-trigger"),
            "the progress fragment to finish");

        finished.Single("#operation-progress").TextContent.ShouldContain("3 delivered");
        var list = finished.Single("#failed-list");
        list.GetAttribute("hx-swap-oob").ShouldBe("true");
        foreach (var id in ids)
        {
            list.QuerySelector($"#record-{id}").ShouldBeNull();
        }
    }

    [Fact]
    public async Task RetryAll_PlainFormPost_RedirectsToThePageShowingTheOperation()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("all-form");
        await factory.FailedRecordsAsync(api, "all-form", 2);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=all-form");

        using var response = await browser.FormPostAsync("/failed?handler=RetryAll&integration=all-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location?.OriginalString;
        location.ShouldNotBeNull();
        location.ShouldContain("integration=all-form");
        location.ShouldContain("operation=");
        var page = await Eventually.MatchesAsync(
            () => browser.OpenAsync(location),
            document => !document.Single("#operation-progress").HasAttribute("hx-trigger"),
            "the redirected page to show the finished operation");
        page.Single("#operation-progress").TextContent.ShouldContain("2 delivered");
    }

    [Fact]
    public async Task ProgressHandler_UnknownOperation_Returns404()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync($"/failed?handler=Progress&id={Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
