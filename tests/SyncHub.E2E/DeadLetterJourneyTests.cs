using Microsoft.Playwright;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// An operator works the dead-letter queue: from the dashboard's dead-letter count to the Dead letter tab,
/// retries one record (delivered, it leaves the tab) and dismisses the other with a reason (gone, and audited).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadLetterJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_RetriesOneDeadLetterAndDismissesTheOther_QueueEmptiesAndDismissalIsAudited()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateFakeIntegrationAsync("books", "Test Books", maxAutomaticAttempts: 0);
        app.Gateway.ThenFail(ErrorClass.Transient, "Books is down", 503).ThenFail(ErrorClass.Transient, "Books is down", 503);
        await app.IngestAsync("books", "INV-1", new { amount = 10 });
        await app.IngestAsync("books", "INV-2", new { amount = 20 });
        await app.WaitForCountAsync("books", "deadLetter", 2);
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        var card = page.Locator("#integration-books");
        await Assertions.Expect(card.Locator("[data-count=dead-letter]")).ToHaveTextAsync("2");
        await card.GetByRole(AriaRole.Button, new() { Name = "Dead letter" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dead letter" })).ToHaveAttributeAsync("aria-current", "page");
        var rows = page.Locator("#dead-letter-list tbody tr[id^=record-]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var first = rows.Filter(new() { HasText = "INV-1" });
        await Assertions.Expect(first).ToContainTextAsync("Books is down");
        // Both attempts failed with 503 and nothing was delivered between them: the diagnosis says so, not "intermittent".
        await Assertions.Expect(first).ToContainTextAsync("2 of the last 2 attempts to Test Books (100 %) failed with Transient");

        await first.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-message")).ToContainTextAsync("1 delivered");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "INV-1" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#tab-count-dead-letter")).ToHaveTextAsync("1");
        (await app.CountAsync("books", "delivered")).ShouldBe(1);

        var second = rows.Filter(new() { HasText = "INV-2" });
        await second.GetByText("Dismiss…").ClickAsync();
        await second.GetByLabel("Reason").FillAsync("Customer cancelled the order");
        await second.GetByRole(AriaRole.Button, new() { Name = "Dismiss record" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-message")).ToContainTextAsync("Dismissed 1 record");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The dead-letter queue is empty" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tab-count-dead-letter")).ToHaveTextAsync("0");
        (await app.CountAsync("books", "deadLetter")).ShouldBe(0);
        var dismissal = (await app.AuditLogAsync()).Where(a => a.Action == "record.dismiss").ShouldHaveSingleItem();
        dismissal.Actor.ShouldBe("operator@test.local");
        dismissal.Detail.ShouldBe("Customer cancelled the order");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#no-dead-letters")).ToBeVisibleAsync();
    }
}
