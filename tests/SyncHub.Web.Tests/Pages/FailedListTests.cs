using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class FailedListTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>, IAsyncLifetime
{
    private long[] _books = [];
    private long[] _shop = [];

    public async Task InitializeAsync()
    {
        using var api = factory.CreateApiClient();
        using var existing = await api.GetAsync("/api/v1/integrations/list-books");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await api.CreateIntegrationAsync("list-books");
            await api.CreateIntegrationAsync("list-shop");
            await factory.FailedRecordsAsync(api, "list-books", 3, "Books is down for maintenance");
            await factory.FailedRecordsAsync(api, "list-shop", 2, "Shop rejected the token");
        }

        _books = await FailedIdsAsync(api, "list-books");
        _shop = await FailedIdsAsync(api, "list-shop");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Failed_WithFailedRecords_ListsARowPerRecord()
    {
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed");

        var list = page.Single("#failed-list");
        foreach (var id in _books.Concat(_shop))
        {
            var row = list.QuerySelector($"#record-{id}");
            row.ShouldNotBeNull($"record {id}");
            row.QuerySelector("input[type=checkbox][name=ids]")?.GetAttribute("value").ShouldBe(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        list.Single($"#record-{_books[0]}").TextContent.ShouldContain("Books is down for maintenance");
        list.Single("#failed-counts [data-count=failed]").TextContent.ShouldContain("5 failed");
    }

    [Fact]
    public async Task Failed_FilteredByIntegration_ShowsOnlyThatIntegrationsRecords()
    {
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?integration=list-shop");

        var rows = page.QuerySelectorAll("#failed-list tr[id^=record-]").Select(r => r.Id).ToList();
        rows.ShouldBe(_shop.OrderByDescending(id => id).Select(id => $"record-{id}"));
        page.Single("#integration-filter option[selected]").GetAttribute("value").ShouldBe("list-shop");
    }

    [Fact]
    public async Task ListHandler_HtmxRequest_ReturnsTheFilteredListFragment()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/failed?handler=List&integration=list-books");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        var fragment = Html.Parse(html);
        fragment.ShouldHave("#failed-list");
        fragment.QuerySelectorAll("tr[id^=record-]").Length.ShouldBe(_books.Length);
    }

    [Fact]
    public async Task DetailsHandler_FailedRecord_ReturnsPayloadAndErrorHistory()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync($"/failed?handler=Details&id={_books[0]}");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        var fragment = Html.Parse(html);
        var payload = fragment.Single(".payload").TextContent;
        payload.ShouldContain("\"customer\": \"Acme Ltd\"");
        payload.ShouldContain("\"amount\": 12.5");
        var history = fragment.Single(".error-history").QuerySelectorAll("li");
        history.Length.ShouldBe(1);
        history[0].TextContent.ShouldContain("Books is down for maintenance");
        history[0].TextContent.ShouldContain("503");
        fragment.QuerySelector($"a[href='/records/{_books[0]}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task DetailsHandler_UnknownRecord_Returns404()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/failed?handler=Details&id=987654321");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<long[]> FailedIdsAsync(HttpClient api, string slug) =>
        [.. (await api.GetJsonAsync($"/api/v1/integrations/{slug}/records?status=failed")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
}
