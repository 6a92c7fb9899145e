using Microsoft.Playwright;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// An operator syncs a source integration, resyncs a corrected period (changed records update, unchanged ones
/// are skipped, nothing is posted twice), tries a full re-import without confirming it (nothing starts), then
/// confirms it. Untrusted text from the source and the destination shows as text on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResyncJourneyTests(BrowserFixture browser)
{
    private const string Evil = """<img src=x onerror="window.__pwned = 1; alert(1)">""";

    [Fact]
    public async Task Operator_SyncsThenResyncsACorrectedPeriodThenConfirmsAFullReimport_NothingPostedTwice()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateSourceIntegrationAsync("shop", "Shop source");
        app.Source
            .Add("INV-1", Day(2), """{"amount": 10}""")
            .Add("EVIL-1", Day(3), $$"""{"note": {{System.Text.Json.JsonSerializer.Serialize(Evil)}}}""")
            .Add("INV-2", Day(10), """{"amount": 20}""")
            .Add("INV-3", Day(11), """{"amount": 30}""")
            .Add("INV-4", Day(20), """{"amount": 40}""");
        app.Gateway.FailNextFor("EVIL-1", ErrorClass.Validation, "Rejected: " + Evil, 422);
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(app.BaseUrl + "/runs");
        await page.GetByLabel("Integration").SelectOptionAsync(new SelectOptionValue { Label = "Shop source" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        app.Gateway.Hold();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        // The operator watches the run: status, breakdown and error log follow without a reload.
        var runs = page.Locator("#run-list tbody tr");
        await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("started (incremental)");
        await Assertions.Expect(runs.Nth(0)).ToContainTextAsync("Running");
        await runs.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator("#run-log")).ToContainTextAsync("No record of this run failed");
        app.Gateway.Release();

        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("Completed with errors", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".breakdown-bar")).ToHaveAttributeAsync("aria-label", "4 created, 0 updated, 0 skipped, 1 failed");
        await Assertions.Expect(page.Locator("#run-log")).ToContainTextAsync("Rejected: <img src=x onerror=");
        await NoScriptRanAsync(page);
        await page.Locator("#run-log").GetByRole(AriaRole.Link, new() { Name = "EVIL-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("window.__pwned = 1");
        await NoScriptRanAsync(page);
        await page.GoBackAsync();
        await NoScriptRanAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sync runs" }).ClickAsync();

        // The source corrects INV-2 inside the period; INV-3 in the same period is unchanged.
        app.Source.Add("INV-2", Day(11).AddHours(12), """{"amount": 25}""");
        await page.GetByText("Resync…").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "A date range" }).CheckAsync();
        await page.GetByLabel("First day").FillAsync("2026-10-10");
        await page.GetByLabel("Last day").FillAsync("2026-10-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start resync" }).ClickAsync();

        await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("started (date range)");
        await Assertions.Expect(runs).ToHaveCountAsync(2);
        await Assertions.Expect(runs.Nth(0)).ToContainTextAsync("Succeeded", new() { Timeout = 20_000 });
        await Assertions.Expect(runs.Nth(0).Locator(".breakdown-bar")).ToHaveAttributeAsync("aria-label", "0 created, 1 updated, 1 skipped, 0 failed");
        RequestsFor(app, "INV-2").Count.ShouldBe(2);
        RequestsFor(app, "INV-2")[1].Body.ShouldContain("25");
        RequestsFor(app, "INV-3").Count.ShouldBe(1);
        app.Gateway.Requests.Count.ShouldBe(6);

        await page.GetByText("Resync…").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Full re-import" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start resync" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Confirm the full re-import")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("was not started");
        await Assertions.Expect(runs).ToHaveCountAsync(2);

        await page.GetByLabel("I understand a full re-import").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start resync" }).ClickAsync();

        await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("started (full re-import)");
        await Assertions.Expect(runs).ToHaveCountAsync(3);
        await Assertions.Expect(runs.Nth(0)).ToContainTextAsync("Succeeded", new() { Timeout = 20_000 });
        // The four delivered records are skipped; EVIL-1, refused by the first run, is tried again (each run tries the
        // failed records it reads) and this time the destination takes it.
        await Assertions.Expect(runs.Nth(0).Locator(".breakdown-bar")).ToHaveAttributeAsync("aria-label", "1 created, 0 updated, 4 skipped, 0 failed");
        app.Gateway.Requests.Count.ShouldBe(7);
        RequestsFor(app, "EVIL-1").Count.ShouldBe(2);

        // Reloading the page afterwards shows the news again but starts nothing.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("started (full re-import)");
        await Assertions.Expect(runs).ToHaveCountAsync(3);

        await NoScriptRanAsync(page);
        dialogs.ShouldBe(0);
    }

    private static async Task NoScriptRanAsync(IPage page)
    {
        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();
        (await page.Locator("img[src=x]").CountAsync()).ShouldBe(0);
    }

    private static DateTimeOffset Day(int day) => new(2026, 10, day, 9, 0, 0, TimeSpan.Zero);

    private static List<DeliveryRequest> RequestsFor(RunningSyncHub app, string sourceId) =>
        [.. app.Gateway.Requests.Where(r => r.SourceId == sourceId)];
}
