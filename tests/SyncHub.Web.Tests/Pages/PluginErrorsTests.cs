using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>A plugin that throws while loading is reported on the dashboard; the rest of SyncHub keeps working.</summary>
public sealed class PluginErrorsTests : IDisposable
{
    private readonly string _plugins = Path.Combine(Path.GetTempPath(), "synchub-web-plugins-" + Guid.NewGuid().ToString("N"));
    private readonly SyncHubWebFactory _factory = new();

    public PluginErrorsTests()
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "plugins", "SyncHub.Connectors.Sandbox"), "SyncHub.Connectors.Sandbox");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Copy(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestPlugins", "SyncHub.Connectors.ThrowsOnLoad", "bin", configuration, "net10.0")), "SyncHub.Connectors.ThrowsOnLoad");
        _factory.Settings["SyncHub:Plugins:Path"] = _plugins;
    }

    [Fact]
    public async Task Dashboard_PluginThrowsOnLoad_ListsItWithItsReasonAndKeepsTheOthers()
    {
        using var api = _factory.CreateApiClient();
        using var browser = await Browser.SignedInAsync(_factory);

        var page = await browser.OpenAsync("/");

        var errors = page.Single("#plugin-errors");
        errors.TextContent.ShouldContain("SyncHub.Connectors.ThrowsOnLoad");
        errors.TextContent.ShouldContain("license file <missing> could not be read");
        errors.InnerHtml.ShouldContain("&lt;missing&gt;", customMessage: "the plugin's text is encoded");
        using var created = await api.PostAsync("/api/v1/integrations", new StringContent(
            """{"slug":"still-works","name":"Still works","connector":"sandbox"}""", System.Text.Encoding.UTF8, "application/json"));
        ((int)created.StatusCode).ShouldBe(201);
    }

    [Fact]
    public async Task PluginsPage_PluginThrowsOnLoad_ShowsItsReasonEncoded()
    {
        using var browser = await Browser.SignedInAsync(_factory, SyncHub.Web.Security.Roles.Viewer);

        var page = await browser.OpenAsync("/plugins");

        var error = page.Single("#plugin-load-errors .plugin-load-error");
        error.TextContent.ShouldContain("SyncHub.Connectors.ThrowsOnLoad");
        error.TextContent.ShouldContain("license file <missing> could not be read");
        error.InnerHtml.ShouldContain("&lt;missing&gt;");
        page.ShouldHave("#plugin-sandbox");
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_plugins, recursive: true);
    }

    private void Copy(string source, string name)
    {
        var target = Directory.CreateDirectory(Path.Combine(_plugins, name));
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }
    }
}
