using Microsoft.Playwright;
using SyncHub.Connectors;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// The destination refuses the credentials: the alert opens on /alerts with a badge in the navigation; once a
/// delivery gets through again the alert resolves and moves to the past alerts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task CredentialsRefused_AlertOpensWithNavBadge_ThenResolvesWhenDeliveriesWorkAgain()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateFakeIntegrationAsync("pos", "Test POS");
        app.Gateway.FailNextFor("C-1", ErrorClass.Authentication, "The access token expired", 401);
        await app.IngestAsync("pos", "C-1", new { name = "Ben" });
        await app.WaitForCountAsync("pos", "failed", 1);
        await app.EvaluateAlertsAsync();
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        await Assertions.Expect(page.Locator("#open-alert-count")).ToHaveTextAsync("1 open");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        var open = page.Locator("#open-alerts");
        await Assertions.Expect(open.GetByRole(AriaRole.Heading, new() { Name = "Open (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(open).ToContainTextAsync("Credentials expired");
        await Assertions.Expect(open).ToContainTextAsync("The access token expired");
        await Assertions.Expect(page.Locator("#past-alerts")).Not.ToContainTextAsync("Credentials expired");

        // Re-authorised: the next record is delivered, which marks the connection healthy again.
        await app.IngestAsync("pos", "C-2", new { name = "Ada" });
        await app.WaitForCountAsync("pos", "delivered", 1);
        await app.EvaluateAlertsAsync();
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("#no-open-alerts")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#open-alert-count")).ToHaveCountAsync(0);
        var past = page.Locator("#past-alerts");
        await Assertions.Expect(past.GetByRole(AriaRole.Heading, new() { Name = "Resolved (1)" })).ToBeVisibleAsync();
        await Assertions.Expect(past).ToContainTextAsync("Credentials expired");
    }
}
