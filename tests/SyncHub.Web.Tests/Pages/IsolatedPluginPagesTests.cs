using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.Plugins;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>An isolated plugin restarted over its memory limit is shown as unhealthy, with the reason, where load errors are.</summary>
public sealed class IsolatedPluginPagesTests : IDisposable
{
    private const string Leaky = "SyncHub.Connectors.LeaksMemory";
    private readonly string _plugins = Path.Combine(Path.GetTempPath(), "synchub-web-isolated-" + Guid.NewGuid().ToString("N"));
    private readonly SyncHubWebFactory _factory = new();

    public IsolatedPluginPagesTests()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Copy(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestPlugins", Leaky, "bin", configuration, "net10.0")), Leaky);
        Copy(Path.Combine(AppContext.BaseDirectory, "plugins", "SyncHub.Connectors.Sandbox"), "SyncHub.Connectors.Sandbox");
        _factory.Settings["SyncHub:Plugins:Path"] = _plugins;
        _factory.Settings["SyncHub:Plugins:Isolated:0"] = Leaky;
        // Below any process's footprint: the watchdog's first look kills it.
        _factory.Settings["SyncHub:Plugins:MemoryLimitMb"] = "16";
        _factory.Settings["SyncHub:Plugins:MemoryCheckSeconds"] = "0.1";
    }

    [Fact]
    public async Task DashboardAndPluginsPage_IsolatedPluginRestartedOverItsLimit_ShowTheReason()
    {
        using var api = _factory.CreateApiClient();
        using var created = await api.PostAsync("/api/v1/integrations", new StringContent(
            """{"slug":"leaky","name":"Leaky","connector":"leaks-memory"}""", System.Text.Encoding.UTF8, "application/json"));
        ((int)created.StatusCode).ShouldBe(201);
        var catalog = _factory.Services.GetRequiredService<IConnectorCatalog>();
        await Eventually.TrueAsync(() => catalog.Problems.Count > 0, "the watchdog to report the plugin over its limit", TimeSpan.FromSeconds(15));

        using var browser = await Browser.SignedInAsync(_factory, SyncHub.Web.Security.Roles.Viewer);

        var dashboard = await browser.OpenAsync("/");
        dashboard.Single("#plugin-problems").TextContent.ShouldContain("Connector 'leaks-memory' used ");
        dashboard.Single("#connector-problem-leaky").TextContent.ShouldContain("(limit 16 MB) and was restarted");
        var plugins = await browser.OpenAsync("/plugins");
        plugins.Single("#plugin-problems .plugin-problem").TextContent.ShouldContain("(limit 16 MB) and was restarted");
        plugins.Single("#plugin-leaks-memory .capabilities").TextContent.ShouldContain("own process");
        plugins.Single("#plugin-sandbox .capabilities").TextContent.ShouldNotContain("own process");
        using var integration = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/integrations/leaky"));
        integration.RootElement.GetProperty("connectorProblem").GetString().ShouldNotBeNull().ShouldContain("(limit 16 MB) and was restarted");
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
