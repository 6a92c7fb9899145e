using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>No record leaves every list: skipped records, and every other status, are counted on the dashboard and listed on the failed page.</summary>
public sealed class StatusTabTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task StatusTab_SkippedRecord_ListedWithItsError()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("st-skip");
        factory.Gateway.FailNextFor("ST-SKIP-1", ErrorClass.SchemaMismatch, "The record has an unexpected shape.");
        var id = await api.IngestAsync("st-skip", "ST-SKIP-1");
        await factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(factory, Web.Security.Roles.Viewer);

        var page = await browser.OpenAsync("/failed?tab=status&integration=st-skip");

        var row = page.Single($"#status-list #record-{id}");
        row.Single("[data-label=Status]").TextContent.Trim().ShouldBe("Skipped");
        row.Single(".error-message").TextContent.ShouldBe("The record has an unexpected shape.");
        page.Single("#status-filter option[selected]").TextContent.ShouldBe("Skipped (1)");
        page.Single("#tab-status").TextContent.ShouldContain("Skipped and other statuses");
    }

    [Fact]
    public async Task StatusTab_OtherStatusChosen_ListsOnlyThatStatusAndKeepsItWhenPaging()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("st-other");
        var delivered = await api.IngestAsync("st-other", "INV-ok");
        await factory.DeliverPendingAsync();
        var pending = await api.IngestAsync("st-other", "INV-wait");
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?tab=status&status=delivered&integration=st-other");

        page.Single("#status-list").QuerySelectorAll("tr[id^=record-]").Select(r => r.Id).ShouldBe([$"record-{delivered}"]);
        page.Single("#tab-status").GetAttribute("href")!.ShouldContain("status=delivered");
        (await browser.OpenAsync("/failed?tab=status&status=pending&integration=st-other"))
            .Single("#status-list").QuerySelectorAll("tr[id^=record-]").Select(r => r.Id).ShouldBe([$"record-{pending}"]);
    }

    [Fact]
    public async Task Dashboard_SkippedRecord_CountedOnTheCardWithALinkToItsList()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("st-card");
        factory.Gateway.FailNextFor("ST-CARD-1", ErrorClass.SchemaMismatch, "The record has an unexpected shape.");
        await api.IngestAsync("st-card", "ST-CARD-1");
        await factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        var counts = page.Single("#other-counts-st-card");
        counts.Single("[data-count=skipped]").TextContent.ShouldBe("1");
        counts.Single("[data-count=blocked]").TextContent.ShouldBe("0");
        counts.Single("[data-count=dismissed]").TextContent.ShouldBe("0");
        counts.QuerySelector("[data-count=skipped]")!.ParentElement!.GetAttribute("href").ShouldBe("/failed?tab=status&status=skipped&integration=st-card");
    }
}
