using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class RetrySelectedTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task RetrySelected_TwoRecordsWithHtmx_RetriesExactlyThoseAndReturnsTheRefreshedList()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("select-htmx");
        var ids = await factory.FailedRecordsAsync(api, "select-htmx", 4);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=select-htmx");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync("/failed?handler=RetrySelected&integration=select-htmx", Ids(ids[0], ids[2]));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        var fragment = Html.Parse(html);
        fragment.ShouldHave("#failed-list");
        fragment.Single("#result-message").TextContent.ShouldContain("Retried 2 of 2 selected: 2 delivered, 0 failed again.");
        fragment.QuerySelector($"#record-{ids[0]}").ShouldBeNull();
        fragment.QuerySelector($"#record-{ids[2]}").ShouldBeNull();
        fragment.QuerySelector($"#record-{ids[1]}").ShouldNotBeNull();
        fragment.QuerySelector($"#record-{ids[3]}").ShouldNotBeNull();
        factory.Gateway.Requests.Skip(before).Select(r => r.RecordId).Order().ShouldBe([ids[0], ids[2]]);
    }

    [Fact]
    public async Task RetrySelected_PlainFormPost_RendersTheWholePageWithTheResult()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("select-form");
        var ids = await factory.FailedRecordsAsync(api, "select-form", 2);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=select-form");

        using var response = await browser.FormPostAsync("/failed?handler=RetrySelected&integration=select-form", Ids(ids[1]));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var page = Html.Parse(html);
        page.ShouldHave("html[lang=en] header.site-header");
        page.Single("#result-message").TextContent.ShouldContain("1 delivered");
        page.QuerySelector($"#record-{ids[1]}").ShouldBeNull();
        page.QuerySelector($"#record-{ids[0]}").ShouldNotBeNull();
    }

    [Fact]
    public async Task RetrySelected_NothingSelected_AsksToSelectRecords()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync("/failed?handler=RetrySelected");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#result-message").TextContent.ShouldContain("Select at least one record");
        factory.Gateway.Requests.Count.ShouldBe(before);
    }

    private static IEnumerable<KeyValuePair<string, string>> Ids(params long[] ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)));
}
