using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>Viewers look, operators retry, administrators also manage users and keys.</summary>
public sealed class RoleTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Failed_AsViewer_ListsTheRowsWithoutRetryButtonsOrCheckboxes()
    {
        var (slug, ids) = await FailedRecordsAsync("viewer-list", 2);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync($"/failed?integration={slug}");

        var list = page.Single("#failed-list");
        foreach (var id in ids)
        {
            list.Single($"#record-{id}").TextContent.ShouldContain("Service unavailable");
        }

        list.QuerySelector("#retry-selected").ShouldBeNull();
        list.QuerySelector("#retry-all").ShouldBeNull();
        list.QuerySelectorAll("input[type=checkbox]").ShouldBeEmpty();
        page.QuerySelector("a[href='/users']").ShouldBeNull();
        page.QuerySelector("a[href='/api-keys']").ShouldBeNull();
    }

    // htmx follows a redirect silently and would swap the whole "Not allowed" page into the list; a 403 it
    // leaves alone. The retry must not happen either way, so that is checked first.
    [Theory]
    [InlineData("RetrySelected")]
    [InlineData("RetryAll")]
    public async Task FailedHtmxPost_ViewerWithValidToken_Returns403AndRetriesNothing(string handler)
    {
        var (slug, ids) = await FailedRecordsAsync($"viewer-htmx-{handler.ToLowerInvariant()}", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync($"/failed?integration={slug}");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync($"/failed?handler={handler}&integration={slug}", Ids(ids));

        await ShouldBeUntouchedAsync(ids[0], before);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, Describe(response));
    }

    [Theory]
    [InlineData("RetrySelected")]
    [InlineData("RetryAll")]
    public async Task FailedFormPost_ViewerWithValidToken_RedirectsToDeniedAndRetriesNothing(string handler)
    {
        var (slug, ids) = await FailedRecordsAsync($"viewer-form-{handler.ToLowerInvariant()}", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync($"/failed?integration={slug}");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.FormPostAsync($"/failed?handler={handler}&integration={slug}", Ids(ids));

        await ShouldBeUntouchedAsync(ids[0], before);
        ShouldBeSentToDenied(response);
    }

    [Fact]
    public async Task RetrySelected_AsOperator_RetriesTheSelectedRecords()
    {
        var (slug, ids) = await FailedRecordsAsync("operator-retry", 2);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        var page = await browser.OpenAsync($"/failed?integration={slug}");
        page.ShouldHave("#retry-selected");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync($"/failed?handler=RetrySelected&integration={slug}", Ids(ids));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        Html.Parse(html).Single("#result-message").TextContent.ShouldContain("Retried 2 of 2 selected: 2 delivered");
        factory.Gateway.Requests.Skip(before).Select(r => r.RecordId).Order().ShouldBe(ids.Order());
    }

    [Theory]
    [InlineData("/users", Roles.Viewer)]
    [InlineData("/users", Roles.Operator)]
    [InlineData("/api-keys", Roles.Viewer)]
    [InlineData("/api-keys", Roles.Operator)]
    public async Task AdminPage_AsViewerOrOperator_RedirectsToDenied(string url, string role)
    {
        using var browser = await Browser.SignedInAsync(factory, role);

        using var response = await browser.Client.GetAsync(url);

        ShouldBeSentToDenied(response);
    }

    [Theory]
    [InlineData("/users", "Users", "#users")]
    [InlineData("/api-keys", "API keys", "#api-keys")]
    public async Task AdminPage_AsAdministrator_ShowsItsTableAndTheAdministratorLinks(string url, string heading, string table)
    {
        using var browser = await Browser.SignedInAsync(factory, Roles.Administrator);

        var page = await browser.OpenAsync(url);

        page.Single("h1").TextContent.Trim().ShouldBe(heading);
        page.Single(table).TagName.ShouldBe("TABLE");
        page.Single($"header nav a[href='{url}']").GetAttribute("aria-current").ShouldBe("page");
        page.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ShouldContain("/users");
        page.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ShouldContain("/api-keys");
    }

    [Fact]
    public async Task Record_AsViewer_HidesRetryNow()
    {
        var (_, ids) = await FailedRecordsAsync("viewer-record", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync($"/records/{ids[0]}");

        page.Single("#record-status").TextContent.Trim().ShouldBe("Failed");
        page.QuerySelector("#retry-record").ShouldBeNull();
    }

    [Fact]
    public async Task RecordRetryHtmxPost_ViewerWithValidToken_Returns403AndRetriesNothing()
    {
        var (_, ids) = await FailedRecordsAsync("viewer-record-htmx", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync($"/records/{ids[0]}");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync($"/records/{ids[0]}?handler=Retry");

        await ShouldBeUntouchedAsync(ids[0], before);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, Describe(response));
    }

    [Fact]
    public async Task RecordRetryFormPost_ViewerWithValidToken_RedirectsToDeniedAndRetriesNothing()
    {
        var (_, ids) = await FailedRecordsAsync("viewer-record-form", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync($"/records/{ids[0]}");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.FormPostAsync($"/records/{ids[0]}?handler=Retry");

        await ShouldBeUntouchedAsync(ids[0], before);
        ShouldBeSentToDenied(response);
    }

    [Fact]
    public async Task RecordRetry_AsOperator_RetriesTheRecord()
    {
        var (_, ids) = await FailedRecordsAsync("operator-record", 1);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        (await browser.OpenAsync($"/records/{ids[0]}")).Single("#retry-record");

        using var response = await browser.HtmxPostAsync($"/records/{ids[0]}?handler=Retry");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        Html.Parse(html).Single("#result-message").TextContent.ShouldContain("Retried: delivered.");
        factory.Gateway.RequestsFor(ids[0]).Count.ShouldBe(2);
    }

    private async Task<(string Slug, long[] Ids)> FailedRecordsAsync(string slug, int count)
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync(slug);
        return (slug, await factory.FailedRecordsAsync(api, slug, count));
    }

    private async Task ShouldBeUntouchedAsync(long id, int gatewayRequestsBefore)
    {
        factory.Gateway.Requests.Count.ShouldBe(gatewayRequestsBefore);
        using var api = factory.CreateApiClient();
        var record = await api.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("status").GetString().ShouldBe("failed");
        record.GetProperty("attempts").GetArrayLength().ShouldBe(1);
    }

    private static void ShouldBeSentToDenied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Describe(response));
        response.Headers.Location?.AbsolutePath.ShouldBe("/account/denied");
    }

    private static string Describe(HttpResponseMessage response) => $"{(int)response.StatusCode} {response.Headers.Location}";

    private static IEnumerable<KeyValuePair<string, string>> Ids(IEnumerable<long> ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)));
}
