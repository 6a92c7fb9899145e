using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class DeadLetterTabTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Failed_DeadLetterTabQuery_ListsTheQueueWithErrorDiagnosisAndTabCounts()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-list", 2, "Books is down");
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?tab=dead-letter&integration=dl-list");

        page.QuerySelector("#failed-list").ShouldBeNull();
        page.Single("#tab-dead-letter").GetAttribute("aria-current").ShouldBe("page");
        page.Single("#tab-count-dead-letter").TextContent.ShouldBe("2");
        page.Single("#tab-count-failed").TextContent.ShouldBe("0");
        var row = page.Single($"#dead-letter-list #record-{ids[0]}");
        row.Single($"a[href='/records/{ids[0]}']").TextContent.ShouldBe("INV-dl-list-0");
        row.TextContent.ShouldContain("invoice");
        row.Single("td[data-label=Attempts]").TextContent.Trim().ShouldBe("1");
        row.Single(".error-cell .badge").TextContent.ShouldBe("Transient 503");
        row.Single(".error-message").TextContent.ShouldBe("Books is down");
        var diagnosis = row.Single(".diagnosis").TextContent;
        diagnosis.ShouldStartWith("2 of the last 2 attempts to ");
        diagnosis.ShouldContain("(100 %) failed with Transient.");
        diagnosis.ShouldNotContain("Intermittent", customMessage: "no attempt was delivered, so the failures are not intermittent");
        row.ShouldHave($"#retry-{ids[0]}");
        row.ShouldHave($"#dismiss-{ids[0]}");
    }

    [Fact]
    public async Task TabsHandler_HtmxRequest_ReturnsTheTabsWithTheChosenList()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-tabs", 1);
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/failed?handler=Tabs&tab=dead-letter&integration=dl-tabs");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldNotContain("<html", Case.Insensitive);
        var fragment = Html.Parse(html);
        fragment.Single("#failed-tabs #tab-panel #dead-letter-list").QuerySelector($"#record-{ids[0]}").ShouldNotBeNull();
        fragment.Single("#failed-tabs input[name=tab]").GetAttribute("value").ShouldBe("dead-letter");
        fragment.Single("#tab-failed").GetAttribute("hx-get").ShouldBe("/failed?handler=Tabs&integration=dl-tabs");
    }

    [Fact]
    public async Task Retry_DeadLetterThatSucceeds_LeavesTheTabAndIsAudited()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-retry", 2);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=dead-letter&integration=dl-retry");

        using var response = await browser.HtmxPostAsync("/failed?handler=RetrySelected&tab=dead-letter&integration=dl-retry", Ids(ids[0]));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var fragment = Html.Parse(html);
        fragment.Single("#result-message").TextContent.ShouldContain("Retried 1 of 1 selected: 1 delivered");
        fragment.Single("#dead-letter-list").QuerySelector($"#record-{ids[0]}").ShouldBeNull();
        fragment.ShouldHave($"#record-{ids[1]}");
        var count = fragment.Single("#tab-count-dead-letter");
        count.GetAttribute("hx-swap-oob").ShouldBe("true");
        count.TextContent.ShouldBe("1");
        (await factory.RecordAsync(ids[0])).Status.ShouldBe(RecordStatus.Delivered);
        var audit = (await factory.AuditForAsync(ids[0])).ShouldHaveSingleItem();
        (audit.Action, audit.Actor).ShouldBe(("record.retry", SyncHubWebFactory.AdminEmail));
    }

    [Fact]
    public async Task Dismiss_WithReason_LeavesTheTabAndWritesTheReasonToTheAuditLog()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-dismiss", 2);
        using var browser = await Browser.SignedInAsync(factory, Web.Security.Roles.Operator);
        await browser.OpenAsync("/failed?tab=dead-letter&integration=dl-dismiss");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync("/failed?handler=Dismiss&tab=dead-letter&integration=dl-dismiss", Ids(ids[1]).Append(new("reason", "Order was cancelled")));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var fragment = Html.Parse(html);
        fragment.Single("#result-message").TextContent.ShouldContain("Dismissed 1 record");
        fragment.Single("#dead-letter-list").QuerySelector($"#record-{ids[1]}").ShouldBeNull();
        fragment.ShouldHave($"#record-{ids[0]}");
        fragment.Single("#tab-count-dead-letter").TextContent.ShouldBe("1");
        var record = await factory.RecordAsync(ids[1]);
        record.Status.ShouldBe(RecordStatus.Dismissed);
        record.DismissReason.ShouldBe("Order was cancelled");
        var audit = (await factory.AuditForAsync(ids[1])).ShouldHaveSingleItem();
        (audit.Action, audit.Actor, audit.Detail).ShouldBe(("record.dismiss", "operator@test.local", "Order was cancelled"));
        factory.Gateway.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Dismiss_WithoutReason_SaysTheReasonIsRequiredAndChangesNothing(string reason)
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, $"dl-no-reason-{reason.Length}", 1);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=dead-letter");

        using var response = await browser.HtmxPostAsync("/failed?handler=Dismiss&tab=dead-letter", Ids(ids[0]).Append(new("reason", reason)));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var fragment = Html.Parse(html);
        fragment.Single("#result-message").TextContent.ShouldBe("Reason is required. Nothing was dismissed.");
        fragment.ShouldHave($"#dead-letter-list #record-{ids[0]}");
        (await factory.RecordAsync(ids[0])).Status.ShouldBe(RecordStatus.DeadLetter);
        (await factory.AuditForAsync(ids[0])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dismiss_PlainFormPost_RendersTheWholePageOnTheDeadLetterTab()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-form", 1);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=dead-letter&integration=dl-form");

        using var response = await browser.FormPostAsync("/failed?handler=Dismiss&tab=dead-letter&integration=dl-form", Ids(ids[0]).Append(new("reason", "Test record")));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var page = Html.Parse(html);
        page.ShouldHave("html[lang=en] header.site-header");
        page.Single("#tab-dead-letter").GetAttribute("aria-current").ShouldBe("page");
        page.Single("#result-message").TextContent.ShouldContain("Dismissed 1 record");
        page.ShouldHave("#no-dead-letters");
    }

    [Fact]
    public async Task Dashboard_IntegrationWithDeadLetters_ShowsTheCountLinkingToTheTab()
    {
        using var api = factory.CreateApiClient();
        await factory.DeadLetterRecordsAsync(api, "dl-dash", 3);
        using var browser = await Browser.SignedInAsync(factory, Web.Security.Roles.Viewer);

        var page = await browser.OpenAsync("/");

        var link = page.Single("#integration-dl-dash #dead-letter-link-dl-dash");
        link.GetAttribute("href").ShouldBe("/failed?tab=dead-letter&integration=dl-dash");
        link.Single("[data-count=dead-letter]").TextContent.ShouldBe("3");
        page.Single("#integration-dl-dash [data-count=failed]").TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task RecordPage_DeadLetter_OffersRetryNowAndAuditsIt()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-record", 1);
        using var browser = await Browser.SignedInAsync(factory);
        (await browser.OpenAsync($"/records/{ids[0]}")).Single("#retry-record");

        using var response = await browser.HtmxPostAsync($"/records/{ids[0]}?handler=Retry");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        Html.Parse(html).Single("#record-status").TextContent.ShouldBe("Delivered");
        var audit = (await factory.AuditForAsync(ids[0])).ShouldHaveSingleItem();
        (audit.Action, audit.Actor).ShouldBe(("record.retry", SyncHubWebFactory.AdminEmail));
    }

    [Fact]
    public async Task RecordPage_DismissedRecord_ShowsWhoDismissedItAndWhy()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "dl-record-dismissed", 1);
        (await api.PostJsonAsync("/api/v1/integrations/dl-record-dismissed/records/dismiss", $$"""{"ids": [{{ids[0]}}], "reason": "<b>not ours</b>"}""")).Dispose();
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/records/{ids[0]}");

        page.Single("#record-status").TextContent.ShouldBe("Dismissed");
        var dismissal = page.Single("#dismissal");
        dismissal.TextContent.ShouldContain("configured key");
        dismissal.TextContent.ShouldContain("<b>not ours</b>");
        dismissal.QuerySelector("b").ShouldBeNull();
        page.QuerySelector("#retry-record").ShouldBeNull();
    }

    private static IEnumerable<KeyValuePair<string, string>> Ids(params long[] ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)));
}
