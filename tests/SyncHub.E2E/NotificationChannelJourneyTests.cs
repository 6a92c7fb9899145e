using Microsoft.Playwright;
using SyncHub.TestUtils;

namespace SyncHub.E2E;

/// <summary>
/// An administrator adds a webhook channel: the form shows only the settings of the kind chosen, the channel is
/// listed with its address masked, and Send test reaches the webhook.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationChannelJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AddWebhookChannel_FormFollowsTheKind_ThenSendTestReachesTheWebhook()
    {
        await using var webhook = new LoopbackWebhookServer();
        await using var app = RunningSyncHub.Start();
        var page = await app.SignedInPageAsync(browser.Browser);
        await page.GotoAsync(app.BaseUrl + "/notifications");

        await Assertions.Expect(page.Locator("#webhook-settings")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#email-settings")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#channel-kind", "Email");
        await Assertions.Expect(page.Locator("#email-settings")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#webhook-settings")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#channel-kind", "Webhook");
        await Assertions.Expect(page.Locator("#webhook-settings")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email-settings")).ToBeHiddenAsync();

        await page.FillAsync("#channel-name", "Ops webhook");
        await page.FillAsync("#channel-url", webhook.Url);
        await page.ClickAsync("#save-channel");

        var row = page.Locator("tr[id^='channel-']", new() { HasText = "Ops webhook" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).Not.ToContainTextAsync("secret-token-123");
        await row.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Assertions.Expect(row.Locator(".test-result")).ToContainTextAsync("✓");
        Assert.Single(webhook.Bodies);
    }
}
