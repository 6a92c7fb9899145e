using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Groups;

/// <summary>The Failure groups tab: the groups, Retry group, Dismiss group, View records, and viewers refused.</summary>
public sealed class FailureGroupsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task GroupsTab_TwoCauses_ShowsEachGroupWithCountSampleAndActions()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-show");
        await factory.FailedRecordsAsync(api, "grp-show", 3);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-show", 2, " <b>bold</b>");
        var group = await factory.GroupOfAsync(refused[0]);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?tab=groups&integration=grp-show");

        page.Single("#tab-groups").GetAttribute("aria-current").ShouldBe("page");
        var groups = page.QuerySelectorAll("#failure-groups article.failure-group");
        groups.Length.ShouldBe(2);
        groups[0].Single(".group-count").GetAttribute("data-count").ShouldBe("3");
        var article = page.Single($"#group-{group}");
        article.Single(".group-count").GetAttribute("data-count").ShouldBe("2");
        article.TextContent.ShouldContain("Validation");
        article.Single(".group-sample .error-message").TextContent.ShouldContain("<b>bold</b>");
        article.QuerySelector("b").ShouldBeNull();
        article.Single($"#view-group-{group}").GetAttribute("href").ShouldBe($"/failed?integration=grp-show&group={group}");
        article.ShouldHave($"#retry-group-{group}");
        article.ShouldHave($"#dismiss-group-{group}");
    }

    [Fact]
    public async Task ViewRecords_GroupLink_ListsOnlyThatGroupsRecords()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-view");
        var others = await factory.FailedRecordsAsync(api, "grp-view", 2);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-view", 2);
        var group = await factory.GroupOfAsync(refused[0]);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/failed?integration=grp-view&group={group}");

        page.ShouldHave("#group-filter");
        foreach (var id in refused)
        {
            page.ShouldHave($"#record-{id}");
        }

        foreach (var id in others)
        {
            page.QuerySelector($"#record-{id}").ShouldBeNull();
        }
    }

    [Fact]
    public async Task RetryGroup_Htmx_ShowsProgressAndRetriesOnlyTheGroup()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-retry");
        var others = await factory.FailedRecordsAsync(api, "grp-retry", 12);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-retry", 3);
        var group = await factory.GroupOfAsync(refused[0]);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=groups&integration=grp-retry");

        using var response = await browser.HtmxPostAsync($"/failed?handler=RetryGroup&tab=groups&integration=grp-retry&group={group}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var poll = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("hx-get")!;
        var operation = await api.WaitForOperationAsync(poll[(poll.IndexOf("id=", StringComparison.Ordinal) + 3)..]);
        operation.GetProperty("total").GetInt32().ShouldBe(3);
        foreach (var id in refused)
        {
            (await factory.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in others)
        {
            var record = await factory.RecordAsync(id);
            (record.Status, record.RetryCount).ShouldBe((RecordStatus.Failed, 0));
        }
    }

    [Fact]
    public async Task DismissGroup_WithAndWithoutReason_DismissesOnlyWithAReasonAndAudits()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-dismiss");
        var others = await factory.FailedRecordsAsync(api, "grp-dismiss", 2);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-dismiss", 3);
        var group = await factory.GroupOfAsync(refused[0]);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=groups&integration=grp-dismiss");
        var url = $"/failed?handler=DismissGroup&tab=groups&integration=grp-dismiss&group={group}";

        using var refusedResponse = await browser.HtmxPostAsync(url, [new("reason", "  ")]);
        Html.Parse(await refusedResponse.Content.ReadAsStringAsync()).Single("#result-message").TextContent.ShouldContain("Reason");
        (await factory.RecordAsync(refused[0])).Status.ShouldBe(RecordStatus.Failed);

        using var response = await browser.HtmxPostAsync(url, [new("reason", "Invoices cancelled at source")]);

        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.Single("#result-message").TextContent.ShouldContain("Dismissed 3 records");
        fragment.QuerySelector($"#group-{group}").ShouldBeNull();
        foreach (var id in refused)
        {
            var record = await factory.RecordAsync(id);
            (record.Status, record.DismissReason).ShouldBe((RecordStatus.Dismissed, "Invoices cancelled at source"));
        }

        (await factory.RecordAsync(others[0])).Status.ShouldBe(RecordStatus.Failed);
    }

    [Fact]
    public async Task GroupsTab_Viewer_SeesNoActionsAndIsRefused()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-viewer");
        var refused = await factory.RefusedInvoicesAsync(api, "grp-viewer", 2);
        var group = await factory.GroupOfAsync(refused[0]);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/failed?tab=groups&integration=grp-viewer");
        page.Single($"#group-{group}").QuerySelectorAll("button, form").ShouldBeEmpty();
        page.ShouldHave($"#view-group-{group}");
        var requests = factory.Gateway.Requests.Count;

        using var retry = await browser.HtmxPostAsync($"/failed?handler=RetryGroup&tab=groups&group={group}");
        using var dismiss = await browser.HtmxPostAsync($"/failed?handler=DismissGroup&tab=groups&group={group}", [new("reason", "no")]);

        retry.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        dismiss.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        factory.Gateway.Requests.Count.ShouldBe(requests);
        (await factory.RecordAsync(refused[0])).Status.ShouldBe(RecordStatus.Failed);
    }
}
