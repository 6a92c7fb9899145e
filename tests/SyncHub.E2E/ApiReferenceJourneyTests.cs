using Microsoft.Playwright;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// An operator opens the API reference from the navigation: it renders every operation from SyncHub's own document
/// with nothing fetched from another origin and no Content-Security-Policy violation (the bundle's default fonts,
/// which would come from another origin, are turned off).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ApiLink_OpensTheReferenceServedByItself_UnderTheStrictPolicyForScripts()
    {
        await using var app = RunningSyncHub.Start();
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);
        var foreign = new List<string>();
        var violations = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl.TrimEnd('/') + "/api-reference");
        // Rendered from SyncHub's own document: its title, description and operations' summaries.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SyncHub API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Create an integration").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Name: X-Api-Key").Or(page.GetByText("X-Api-Key")).First).ToBeVisibleAsync();
        Assert.Empty(foreign);
        Assert.Empty(violations);
    }
}
