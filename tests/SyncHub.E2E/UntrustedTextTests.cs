using Microsoft.Playwright;
using Shouldly;
using SyncHub.Connectors;

namespace SyncHub.E2E;

/// <summary>A provider's error text is data, never markup: script and event-handler payloads show as text and never run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UntrustedTextTests(BrowserFixture browser)
{
    private const string Payload = """<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)">""";

    [Fact]
    public async Task ProviderErrorWithScript_ShownOnEveryPage_NeverRuns()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateFakeIntegrationAsync("evil", "Evil Provider");
        app.Gateway.ThenFail(ErrorClass.Validation, Payload, 422);
        await app.IngestAsync("evil", "X-1", new { note = Payload });
        await app.WaitForCountAsync("evil", "failed", 1);
        var page = await app.SignedInPageAsync(browser.Browser);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(page.Locator("#integration-evil .last-error")).ToContainTextAsync("<script>");
        await page.GotoAsync(app.BaseUrl + "/failed");
        await Assertions.Expect(page.Locator("#failed-list")).ToContainTextAsync("onerror=");
        await page.GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".record-details")).ToContainTextAsync("<script>");
        await page.GetByRole(AriaRole.Link, new() { Name = "X-1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#attempts")).ToContainTextAsync("<img src=x");

        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).ShouldBeTrue();
        (await page.Locator("img[src=x]").CountAsync()).ShouldBe(0);
        dialogs.ShouldBe(0);
    }
}
