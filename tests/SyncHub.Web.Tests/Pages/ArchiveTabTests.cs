using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class ArchiveTabTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task ArchiveSelected_FailedRecords_LeaveTheFailedListAndShowOnTheArchivedTab()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("arc-move");
        var ids = await factory.FailedRecordsAsync(api, "arc-move", 3);
        using var browser = await Browser.SignedInAsync(factory);
        (await browser.OpenAsync("/failed?integration=arc-move")).Single("#archive-selected");

        using var response = await browser.HtmxPostAsync("/failed?handler=Archive&integration=arc-move", Ids(ids[0], ids[2]));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var fragment = Html.Parse(html);
        fragment.Single("#result-message").TextContent.ShouldContain("Archived 2 of 2 selected");
        fragment.Single("#failed-list").QuerySelectorAll("tr[id^=record-]").Select(r => r.Id).ShouldBe([$"record-{ids[1]}"]);
        fragment.Single("#tab-count-archived").TextContent.ShouldBe("2");
        fragment.Single("#tab-count-failed").TextContent.ShouldBe("1");
        (await factory.AuditForAsync(ids[0])).ShouldHaveSingleItem().Action.ShouldBe("record.archive");

        var archived = await browser.OpenAsync("/failed?tab=archived&integration=arc-move");
        var rows = archived.Single("#archived-list").QuerySelectorAll("tr[id^=record-]");
        rows.Select(r => r.Id).ShouldBe([$"record-{ids[2]}", $"record-{ids[0]}"]);
        rows[0].TextContent.ShouldContain(SyncHubWebFactory.AdminEmail);
        rows[0].Single("[data-label=Status]").TextContent.Trim().ShouldBe("Failed");
    }

    [Fact]
    public async Task Restore_ArchivedRecord_ReturnsToTheFailedList()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("arc-restore");
        var ids = await factory.FailedRecordsAsync(api, "arc-restore", 1);
        using var browser = await Browser.SignedInAsync(factory, Web.Security.Roles.Operator);
        await browser.OpenAsync("/failed?integration=arc-restore");
        (await browser.HtmxPostAsync("/failed?handler=Archive&integration=arc-restore", Ids(ids[0]))).Dispose();
        (await browser.OpenAsync("/failed?tab=archived&integration=arc-restore")).Single($"#restore-{ids[0]}");

        using var response = await browser.HtmxPostAsync("/failed?handler=Restore&tab=archived&integration=arc-restore", Ids(ids[0]));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var fragment = Html.Parse(html);
        fragment.Single("#result-message").TextContent.ShouldContain("Restored 1 record");
        fragment.ShouldHave("#no-archived-records");
        (await factory.RecordAsync(ids[0])).ArchivedAt.ShouldBeNull();
        (await browser.OpenAsync("/failed?integration=arc-restore")).Single($"#failed-list #record-{ids[0]}");
        (await factory.AuditForAsync(ids[0])).Select(a => a.Action).ShouldBe(["record.archive", "record.restore"]);
    }

    [Fact]
    public async Task FailedList_Row_ShowsTheErrorClassDiagnosisAsEncodedText()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("arc-diagnosis");
        var ids = await factory.FailedRecordsAsync(api, "arc-diagnosis", 1);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?integration=arc-diagnosis");

        var cell = page.Single($"#record-{ids[0]} .error-cell");
        cell.Single(".badge").GetAttribute("title")!.ShouldStartWith("The last attempt to ");
        cell.Single(".diagnosis").TextContent.ShouldEndWith("failed with Transient. A temporary failure (a 5xx answer, a timeout or a dropped connection), retried automatically until the integration's retry budget is spent.");
    }

    private static IEnumerable<KeyValuePair<string, string>> Ids(params long[] ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)));
}
