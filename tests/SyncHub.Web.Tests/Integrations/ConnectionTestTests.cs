using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>"Test connection" calls the connector with the settings as entered and saves nothing.</summary>
public sealed class ConnectionTestTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Test_GoodCredentials_ShowsTheConnectorsMessageEncoded()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");

        using var response = await browser.HtmxPostAsync("/integrations/new?handler=Test", IntegrationForms.Secure("test-ok", FakeConnectionGateway.GoodSecret));

        var html = await response.Content.ReadAsStringAsync();
        var result = Html.Parse(html).Single("#test-ok");
        result.TextContent.ShouldContain("✓ Connected to <b>Demo Org</b>");
        html.ShouldNotContain("<b>Demo Org</b>");
        (await factory.FindAsync("test-ok")).ShouldBeNull();
    }

    [Fact]
    public async Task Test_RefusedCredentials_ShowsTheErrorClassAndMessage()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");

        using var response = await browser.HtmxPostAsync("/integrations/new?handler=Test", IntegrationForms.Secure("test-refused", "wrong"));

        var html = await response.Content.ReadAsStringAsync();
        var result = Html.Parse(html).Single("#test-failed");
        result.Single(".error-class").TextContent.ShouldBe("Authentication");
        result.TextContent.ShouldContain("invalid_client <script>alert(1)</script>");
        html.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task Test_WhenEditingWithBlankSecret_UsesTheStoredSecret()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("test-stored", FakeConnectionGateway.GoodSecret);
        await browser.OpenAsync("/integrations/test-stored/edit");

        using var response = await browser.HtmxPostAsync("/integrations/test-stored/edit?handler=Test",
            IntegrationForms.Secure("test-stored", "").With("Form.Settings[apiUrl]", "https://unsaved.example.test"));

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#test-ok");
        factory.Secure.Tested.Last().GetString("apiUrl").ShouldBe("https://unsaved.example.test");
        (await factory.StoredSettingsAsync("test-stored")).GetString("apiUrl").ShouldBe("https://api.example.test/v2");
    }

    [Fact]
    public async Task Test_ConnectorWithoutConnectionTest_SaysItCannot()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");

        using var response = await browser.HtmxPostAsync("/integrations/new?handler=Test",
            [new("Form.Connector", FakeGateway.Name), new("Form.Slug", "test-unsupported"), new("Form.SettingsJson", "{}")]);

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#test-unsupported").TextContent.ShouldBe("This connector cannot test connections.");
    }

    [Fact]
    public async Task Test_WithoutAntiforgeryToken_Returns400AndCallsNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");
        var before = factory.Secure.Tested.Count;

        using var response = await browser.HtmxPostAsync("/integrations/new?handler=Test", IntegrationForms.Secure("test-no-token", "x"), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        factory.Secure.Tested.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryToken_Returns400AndSavesNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");

        using var response = await browser.HtmxPostAsync("/integrations/new", IntegrationForms.Secure("save-no-token", "x"), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.FindAsync("save-no-token")).ShouldBeNull();
    }
}
