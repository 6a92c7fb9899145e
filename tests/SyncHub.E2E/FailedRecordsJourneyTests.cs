using Microsoft.Playwright;
using Shouldly;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// The core user story, as an administrator plays it: open the dashboard, View Failed Records, select two,
/// Retry Selected, watch them leave and the counts change; then Retry All Failed and watch it finish.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FailedRecordsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_RetriesSelectedThenAll_FailedQueueEmptiesAndCountsFollow()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateSandboxIntegrationAsync("books", "Test Books", "503", "503", "503", "503", "503", "503");
        for (var i = 1; i <= 6; i++)
        {
            await app.IngestAsync("books", $"INV-{i}", new { amount = i * 10, currency = "EUR" });
        }

        await app.WaitForCountAsync("books", "failed", 6);
        var page = await app.SignedInPageAsync(browser.Browser);

        await page.GotoAsync(app.BaseUrl);
        var card = page.Locator("#integration-books");
        await Assertions.Expect(card.Locator("[data-count=failed]")).ToHaveTextAsync("6");
        await card.GetByRole(AriaRole.Button, new() { Name = "View Failed Records" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Failed records" })).ToBeVisibleAsync();
        var rows = page.Locator("#failed-list tbody tr[id^=record-]");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#failed-list")).ToContainTextAsync("Service Unavailable");

        await page.GetByLabel("Select record", new() { Exact = false }).Nth(0).CheckAsync();
        await page.GetByLabel("Select record", new() { Exact = false }).Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry Selected" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-message")).ToContainTextAsync("Retried 2 of 2 selected: 2 delivered");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#failed-counts [data-count=failed]")).ToHaveTextAsync("4 failed");
        await Assertions.Expect(page.Locator("#failed-counts [data-count=delivered]")).ToHaveTextAsync("2 delivered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Retry All Failed" }).ClickAsync();

        await Assertions.Expect(page.Locator("#operation-progress")).ToContainTextAsync("Retry All Failed finished", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#operation-progress")).ToContainTextAsync("4 delivered");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nothing has failed" })).ToBeVisibleAsync();
        (await app.CountAsync("books", "delivered")).ShouldBe(6);

        await page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(page.Locator("#integration-books [data-count=failed]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#integration-books [data-count=delivered]")).ToHaveTextAsync("6");
    }

    [Fact]
    public async Task Administrator_OpensARecord_SeesEveryAttemptAndItsLineage()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateSandboxIntegrationAsync("shop", "Test Shop", "422");
        await app.IngestAsync("shop", "M-1", new { email = "ada@example.org" });
        await app.WaitForCountAsync("shop", "failed", 1);
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        await page.GotoAsync(app.BaseUrl + "/failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".record-details")).ToContainTextAsync("ada@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "M-1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-message")).ToContainTextAsync("delivered");
        var attempts = page.Locator("#attempts tbody tr");
        await Assertions.Expect(attempts).ToHaveCountAsync(2);
        await Assertions.Expect(attempts.Nth(1)).ToContainTextAsync("manual retry");
        await Assertions.Expect(attempts.Nth(0)).ToContainTextAsync("resolved by");
        await Assertions.Expect(page.Locator("#record-status")).ToHaveTextAsync("Delivered");
    }

    [Fact]
    public async Task Dashboard_NewFailureArrives_CountsRefreshWithoutReload()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateSandboxIntegrationAsync("pos", "Test POS", "401");
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Viewer);
        await Assertions.Expect(page.Locator("#integration-pos [data-count=failed]")).ToHaveTextAsync("0");

        await app.IngestAsync("pos", "C-1", new { name = "Ben" });

        await Assertions.Expect(page.Locator("#integration-pos [data-count=failed]")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#integration-pos .last-error")).ToContainTextAsync("Unauthorized");
    }
}
