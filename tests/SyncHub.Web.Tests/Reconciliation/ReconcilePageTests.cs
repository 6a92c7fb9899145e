using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Reconciliation;

public sealed class ReconcilePageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task StartForm_StartsAComparison_RedirectsToItsPage_WhichShowsTheCountsAndWhatDiffers()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-recon", "PR-1", "PR-2");
        factory.Destination.Lose("PR-1").Change("PR-2", "customer", "Acme Holdings");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync("/reconcile");

        using var response = await browser.FormPostAsync("/reconcile?handler=Start",
            [new("Start.Integration", "page-recon"), new("Start.From", Reconciliations.Day()), new("Start.To", Reconciliations.Day())]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldMatch(@"^/reconcile/\d+$");
        var page = await Eventually.MatchesAsync(() => browser.OpenAsync(location), p => p.Single("#reconcile-status").TextContent != "Comparing", "the comparison");
        page.Single("#reconcile-status").TextContent.ShouldBe("Completed");
        (page.Single("#count-missing").TextContent, page.Single("#count-different").TextContent, page.Single("#count-extra").TextContent)
            .ShouldBe(("1", "1", "0"));
        var different = page.Single("#difference-table tr[data-kind='different']");
        different.TextContent.ShouldContain("PR-2");
        different.Single(".field-differences").TextContent.ShouldContain("customer: Acme Ltd → Acme Holdings");
        page.Single("#resync-gaps").TextContent.ShouldBe("Resync missing and different (2)");
        page.Single("#kind-missing").TextContent.ShouldBe("Missing (1)");
    }

    [Fact]
    public async Task StartForm_LastDayBeforeFirst_NamesTheFieldAndStartsNothing()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-dates");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync("/reconcile");

        using var response = await browser.FormPostAsync("/reconcile?handler=Start",
            [new("Start.Integration", "page-dates"), new("Start.From", Reconciliations.Day()), new("Start.To", Reconciliations.Day(-3))]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single("[data-valmsg-for='Start.To']").TextContent.ShouldContain("must not be before");
        page.Single("#reconcile-message").TextContent.ShouldContain("not started");
    }

    [Fact]
    public async Task Index_ListsIntegrationsThatCannotBeReconciled_WithTheReason()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("page-cannot");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);

        var page = await browser.OpenAsync("/reconcile");

        page.Single("#cannot-reconcile").TextContent.ShouldContain("The 'fake' connector cannot read its destination");
        page.QuerySelector("#reconcile-integration option[value='page-cannot']").ShouldBeNull();
    }

    [Fact]
    public async Task SummaryPoll_WhileComparing_PollsEverySecond_AndOnceEndedBringsTheDifferencesOutOfBand()
    {
        using var api = factory.CreateApiClient();
        factory.Destination.Mode = DestinationReadMode.Lookup;
        var gate = factory.Destination.HoldFetches();
        long id;
        try
        {
            await factory.DeliveredAsync(api, "page-poll", "PP-1");
            id = (await Reconciliations.StartAsync(api, "page-poll")).GetProperty("id").GetInt64();
            using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
            var running = await browser.OpenAsync($"/reconcile/{id}");
            running.Single("#reconcile-summary").GetAttribute("hx-trigger").ShouldBe("every 1s");
            running.QuerySelector("#difference-table").ShouldBeNull();

            gate.SetResult();
            using var poll = await Eventually.MatchesAsync(() => browser.HtmxGetAsync($"/reconcile/{id}?handler=Summary"),
                r => !r.Content.ReadAsStringAsync().Result.Contains("every 1s", StringComparison.Ordinal), "the comparison to end");
            var fragment = Html.Parse(await poll.Content.ReadAsStringAsync());
            fragment.Single("#reconcile-status").TextContent.ShouldBe("Completed");
            fragment.Single("#differences").GetAttribute("hx-swap-oob").ShouldBe("true");
            fragment.Single("#resync-panel").GetAttribute("hx-swap-oob").ShouldBe("true");
            fragment.Single("#no-differences").ShouldNotBeNull();
        }
        finally
        {
            gate.TrySetResult();
            factory.Destination.Mode = DestinationReadMode.List;
        }
    }

    [Fact]
    public async Task ResyncButton_Htmx_ReturnsTheProgressThatPolls_ThenTheFinishedPanel_AndTheRecordsHistorySaysWhy()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-resync", "RS-1");
        factory.Destination.Lose("RS-1");
        var id = (await Reconciliations.StartAsync(api, "page-resync")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/reconcile/{id}");

        using var started = await browser.HtmxPostAsync($"/reconcile/{id}?handler=Resync");

        var panel = Html.Parse(await started.Content.ReadAsStringAsync()).Single("#resync-panel");
        panel.GetAttribute("hx-trigger").ShouldBe("every 1s");
        panel.GetAttribute("hx-get").ShouldBe($"/reconcile/{id}?handler=ResyncProgress");
        await Reconciliations.WaitForResyncAsync(api, id);
        await factory.DeliverPendingAsync();
        using var finished = await browser.HtmxGetAsync($"/reconcile/{id}?handler=ResyncProgress");
        var done = Html.Parse(await finished.Content.ReadAsStringAsync()).Single("#resync-panel");
        done.HasAttribute("hx-trigger").ShouldBeFalse();
        string.Join(' ', done.Single("#resync-counts").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ShouldBe("1 of 1 queued: 1 delivered, 0 failed, 0 waiting.");
        var row = (await browser.OpenAsync($"/reconcile/{id}")).Single("#difference-table tr[data-kind='missing']");
        row.TextContent.ShouldContain("queued again");
        var record = await browser.OpenAsync(row.Single("a").GetAttribute("href")!);
        record.Single(".history").TextContent.ShouldContain("Resynced by operator@test.local after a reconciliation");
    }

    [Fact]
    public async Task Viewer_SeesNoFormOrResyncButton_AndIsRefused()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-viewer", "PV-1");
        factory.Destination.Lose("PV-1");
        var id = (await Reconciliations.StartAsync(api, "page-viewer")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var index = await browser.OpenAsync("/reconcile");
        var page = await browser.OpenAsync($"/reconcile/{id}");
        using var refused = await browser.HtmxPostAsync($"/reconcile/{id}?handler=Resync");

        index.QuerySelector("#start-reconcile").ShouldBeNull();
        page.QuerySelector("#resync-gaps").ShouldBeNull();
        page.Single("#count-missing").TextContent.ShouldBe("1");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Resync_WithoutAntiforgeryToken_IsRefused()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-csrf", "CS-1");
        factory.Destination.Lose("CS-1");
        var id = (await Reconciliations.StartAsync(api, "page-csrf")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/reconcile/{id}");

        using var response = await browser.HtmxPostAsync($"/reconcile/{id}?handler=Resync", withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetJsonAsync($"/api/v1/reconciliations/{id}")).GetProperty("resync").GetProperty("status").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task DestinationText_IsEncoded_NeverMarkup()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "page-xss");
        factory.Destination.AddForeign("<img src=x onerror=alert(1)>", """{"amount": 1}""", "page-xss");
        var id = (await Reconciliations.StartAsync(api, "page-xss")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        using var response = await browser.Client.GetAsync($"/reconcile/{id}?kind=extra");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        Html.Parse(html).QuerySelector("#difference-table img").ShouldBeNull();
    }

    [Fact]
    public async Task UnknownReconciliation_Is404()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.Client.GetAsync("/reconcile/987654");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
