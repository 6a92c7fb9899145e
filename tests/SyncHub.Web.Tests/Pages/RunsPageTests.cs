using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class RunsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task SyncNow_Htmx_ReturnsTheListWithThePollingRun_ThenItsBreakdown()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("runs-page", FakeSource.Name);
        factory.Source.Add("RP-1", DateTimeOffset.UtcNow.AddDays(-500));
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync("/runs?integration=runs-page");

        using var response = await browser.HtmxPostAsync("/runs?handler=SyncNow&integration=runs-page");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var list = Html.Parse(html).Single("#run-list");
        list.QuerySelector("#run-message")!.TextContent.ShouldContain("started");
        var runLink = list.QuerySelector("tbody tr a")!.GetAttribute("href")!;
        var page = await Eventually.MatchesAsync(
            () => browser.OpenAsync(runLink),
            document => document.Single("#run-status").TextContent != "Running",
            "the run to finish");
        page.Single("#run-status").TextContent.ShouldBe("Succeeded");
        page.Single(".breakdown-bar").GetAttribute("aria-label").ShouldBe("1 created, 0 updated, 0 skipped, 0 failed");
    }

    [Fact]
    public async Task Viewer_SeesNoSyncNow_AndIsRefused()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-viewer");
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/runs?integration=runs-viewer");
        using var response = await browser.HtmxPostAsync("/runs?handler=SyncNow&integration=runs-viewer");

        page.QuerySelector("#sync-now").ShouldBeNull();
        page.QuerySelector("#resync-dialog").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Resync_FullWithoutConfirmation_ShowsTheMessageAndStartsNothing()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-full");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/runs?integration=runs-full");

        using var response = await browser.FormPostAsync("/runs?handler=Resync&integration=runs-full", [new("Resync.Mode", "full")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single("[data-valmsg-for='Resync.ConfirmFull']").TextContent.ShouldContain("Confirm the full re-import");
        page.QuerySelector("#no-runs").ShouldNotBeNull();
    }

    [Fact]
    public async Task Resync_FormStartsARun_RedirectsSoAReloadStartsNothing()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-prg");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/runs?integration=runs-prg");

        using var response = await browser.FormPostAsync("/runs?handler=Resync&integration=runs-prg",
            [new("Resync.Mode", "date-range"), new("Resync.From", "2026-05-01"), new("Resync.To", "2026-05-02")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/runs?integration=runs-prg&started=");
        var page = await browser.OpenAsync(location);
        page.Single("#run-message").TextContent.ShouldMatch(@"Run #\d+ started \(date range\)\.");
    }

    [Fact]
    public async Task RunSummaryPoll_BringsTheErrorLogOutOfBand()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-oob");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync("/runs?integration=runs-oob");
        using var started = await browser.HtmxPostAsync("/runs?handler=SyncNow&integration=runs-oob");
        var runLink = Html.Parse(await started.Content.ReadAsStringAsync()).Single("#run-list tbody tr a").GetAttribute("href")!;

        using var poll = await browser.HtmxGetAsync(runLink + "?handler=Summary");

        var fragment = Html.Parse(await poll.Content.ReadAsStringAsync());
        fragment.Single("#run-summary").ShouldNotBeNull();
        fragment.Single("#run-log").GetAttribute("hx-swap-oob").ShouldBe("true");
    }

    [Fact]
    public async Task Resync_DateRangeWithLastBeforeFirst_NamesTheField()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-dates");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/runs?integration=runs-dates");

        using var response = await browser.FormPostAsync("/runs?handler=Resync&integration=runs-dates",
            [new("Resync.Mode", "date-range"), new("Resync.From", "2026-05-10"), new("Resync.To", "2026-05-01")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single("[data-valmsg-for='Resync.To']").TextContent.ShouldContain("must not be before");
    }

    [Fact]
    public async Task Resync_WithoutAntiforgeryToken_IsRefused()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("runs-csrf");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/runs?integration=runs-csrf");

        using var response = await browser.HtmxPostAsync("/runs?handler=SyncNow&integration=runs-csrf", withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownRun_Is404()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.Client.GetAsync("/runs/987654");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
