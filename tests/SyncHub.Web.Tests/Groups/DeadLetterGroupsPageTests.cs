using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Groups;

/// <summary>The Failure groups tab on the dead-letter queue (queue=dead-letter): groups, View records, Retry group, Dismiss group.</summary>
public sealed class DeadLetterGroupsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task GroupsTab_DeadLetterQueue_ShowsTheDeadLetterGroupsAndLinksToTheDeadLetterTab()
    {
        using var api = factory.CreateApiClient();
        var down = await factory.DeadLetterRecordsAsync(api, "dlg-show", 3, "Ledger is down");
        await TimedOutAsync(api, "dlg-show", 2);
        var group = await factory.GroupOfAsync(down[0]);
        using var browser = await Browser.SignedInAsync(factory);

        var deadLetters = await browser.OpenAsync("/failed?tab=dead-letter&integration=dlg-show");
        var link = deadLetters.Single("#dead-letter-groups").GetAttribute("href");
        link.ShouldBe("/failed?tab=groups&integration=dlg-show&queue=dead-letter");
        var page = await browser.OpenAsync(link!);

        page.Single("#group-queue-dead-letter").GetAttribute("aria-current").ShouldBe("page");
        page.QuerySelectorAll("#failure-groups article.failure-group").Length.ShouldBe(2);
        var article = page.Single($"#group-{group}");
        article.Single(".group-count").GetAttribute("data-count").ShouldBe("3");
        article.Single($"#view-group-{group}").GetAttribute("href").ShouldBe($"/failed?tab=dead-letter&integration=dlg-show&group={group}");
        article.Single($"#retry-group-{group}").GetAttribute("hx-post").ShouldNotBeNull().ShouldContain("queue=dead-letter");

        var failedQueue = await browser.OpenAsync("/failed?tab=groups&integration=dlg-show");
        failedQueue.ShouldHave("#no-failure-groups");
    }

    [Fact]
    public async Task RetryGroup_DeadLetterQueue_RetriesOnlyThatGroupsDeadLetters()
    {
        using var api = factory.CreateApiClient();
        var down = await factory.DeadLetterRecordsAsync(api, "dlg-retry", 3, "Ledger is down");
        var others = await TimedOutAsync(api, "dlg-retry", 2);
        var group = await factory.GroupOfAsync(down[0]);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=groups&integration=dlg-retry&queue=dead-letter");

        using var response = await browser.HtmxPostAsync($"/failed?handler=RetryGroup&tab=groups&integration=dlg-retry&queue=dead-letter&group={group}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var poll = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("hx-get")!;
        var operation = await api.WaitForOperationAsync(poll[(poll.IndexOf("id=", StringComparison.Ordinal) + 3)..]);
        operation.GetProperty("total").GetInt32().ShouldBe(3);
        foreach (var id in down)
        {
            (await factory.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in others)
        {
            var record = await factory.RecordAsync(id);
            (record.Status, record.RetryCount).ShouldBe((RecordStatus.DeadLetter, 0));
        }
    }

    [Fact]
    public async Task DismissGroup_DeadLetterQueue_DismissesTheGroupWithItsReason()
    {
        using var api = factory.CreateApiClient();
        var down = await factory.DeadLetterRecordsAsync(api, "dlg-dismiss", 2, "Ledger is down");
        var others = await TimedOutAsync(api, "dlg-dismiss", 1);
        var group = await factory.GroupOfAsync(down[0]);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?tab=groups&integration=dlg-dismiss&queue=dead-letter");

        using var response = await browser.HtmxPostAsync(
            $"/failed?handler=DismissGroup&tab=groups&integration=dlg-dismiss&queue=dead-letter&group={group}", [new("reason", "Ledger retired")]);

        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.Single("#result-message").TextContent.ShouldContain("Dismissed 2 records");
        fragment.QuerySelector($"#group-{group}").ShouldBeNull();
        fragment.Single("#group-queue-dead-letter").GetAttribute("aria-current").ShouldBe("page");
        foreach (var id in down)
        {
            var record = await factory.RecordAsync(id);
            (record.Status, record.DismissReason).ShouldBe((RecordStatus.Dismissed, "Ledger retired"));
        }

        (await factory.RecordAsync(others[0])).Status.ShouldBe(RecordStatus.DeadLetter);
    }

    /// <summary>More dead letters of the same integration with another cause (their own source ids).</summary>
    private async Task<long[]> TimedOutAsync(HttpClient api, string slug, int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await api.IngestAsync(slug, $"TIMEOUT-{slug}-{i}");
            factory.Gateway.ThenFail(ErrorClass.Transient, "Gateway timeout at the ledger", 504);
        }

        await factory.DeliverPendingAsync();
        return ids;
    }
}
