using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>Anyone signed in can see which connectors are loaded, what they can do and what they need.</summary>
public sealed class PluginsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Plugins_AsViewer_ListsConnectorsWithSdkCapabilitiesAndSettings()
    {
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/plugins");

        var secure = page.Single($"#plugin-{FakeConnectionGateway.Name}");
        secure.TextContent.ShouldContain("Fake secure");
        secure.TextContent.ShouldContain("2.3.4");
        secure.Single(".sdk-version").TextContent.ShouldStartWith("1.");
        secure.Single(".capabilities").TextContent.ShouldContain("connection test");
        secure.Single(".capabilities").TextContent.ShouldContain("60/minute, per clientId");
        secure.Single(".entity-types").TextContent.ShouldBe("invoice, contact");
        secure.Single(".settings").TextContent.ShouldContain("clientSecret (required) secret");
        var sandbox = page.Single("#plugin-sandbox");
        sandbox.Single(".capabilities").TextContent.ShouldContain("look-up");
        sandbox.Single(".capabilities").TextContent.ShouldContain("source");
        sandbox.Single(".settings").TextContent.ShouldContain("latencyMs");
        page.Single("#plugin-webhook .settings").TextContent.ShouldContain("url (required)");
        page.Single("#plugin-xero .capabilities").TextContent.ShouldContain("reconcile");
        sandbox.Single(".capabilities").TextContent.ShouldNotContain("reconcile");
    }
}
