using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class RecordPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Record_AfterASuccessfulRetry_ShowsEveryAttemptAndWhichOneResolvedTheFailure()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("record-page");
        var id = (await factory.FailedRecordsAsync(api, "record-page", 1, "Ledger locked"))[0];
        await api.WaitForOperationAsync(await api.StartRetryAsync("record-page", $$"""{"ids": [{{id}}]}"""));
        var attempts = (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("attempts").EnumerateArray()
            .Select(a => a.GetProperty("id").GetInt64()).ToList();
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/records/{id}");

        page.Single("#record-status").TextContent.Trim().ShouldBe("Delivered");
        page.Single("#retry-count").TextContent.Trim().ShouldBe("1");
        page.QuerySelectorAll("#attempts tbody tr").Select(r => r.Id).ShouldBe(attempts.Select(a => $"attempt-{a}"));
        var first = page.Single($"#attempt-{attempts[0]}");
        first.TextContent.ShouldContain("delivery");
        first.TextContent.ShouldContain("Ledger locked");
        first.TextContent.ShouldContain("resolved by");
        first.QuerySelector($"a[href='#attempt-{attempts[1]}']").ShouldNotBeNull();
        var retry = page.Single($"#attempt-{attempts[1]}");
        retry.TextContent.ShouldContain("manual retry");
        retry.TextContent.ShouldContain($"#{attempts[0]}");
        page.QuerySelector("#retry-record").ShouldBeNull();
    }

    [Fact]
    public async Task Record_Failed_OffersRetryNow()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("record-failed");
        var id = (await factory.FailedRecordsAsync(api, "record-failed", 1))[0];
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/records/{id}");

        page.Single("#record-status").TextContent.Trim().ShouldBe("Failed");
        page.ShouldHave("#retry-record");
        page.QuerySelectorAll("#attempts tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Record_OnItsWay_RefreshesItsBodyUntilItSettles()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("record-pending");
        var failed = (await factory.FailedRecordsAsync(api, "record-pending", 1))[0];
        var pending = await api.IngestAsync("record-pending", "INV-pending-1");
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/records/{pending}");
        using var fragment = await browser.HtmxGetAsync($"/records/{pending}");
        var settled = await browser.OpenAsync($"/records/{failed}");

        page.Single("#record-status").TextContent.Trim().ShouldBe("Pending");
        var body = page.Single("#record-body");
        body.GetAttribute("hx-get").ShouldBe($"/records/{pending}");
        body.GetAttribute("hx-trigger").ShouldBe("every 2s");
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = (await fragment.Content.ReadAsStringAsync()).TrimStart();
        html.ShouldStartWith("<div id=\"record-body\"", Case.Sensitive, "the htmx refresh gets the body alone, not the page");
        html.ShouldNotContain("<nav");
        settled.Single("#record-status").TextContent.Trim().ShouldBe("Failed");
        settled.Single("#record-body").HasAttribute("hx-trigger").ShouldBeFalse("a settled record does not poll");
    }

    [Fact]
    public async Task Record_Unknown_Returns404()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.Client.GetAsync("/records/987654321");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
