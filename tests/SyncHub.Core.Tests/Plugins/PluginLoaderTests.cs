using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Plugins;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Tests.Plugins;

/// <summary>Plugins load in isolation from plugins/&lt;Name&gt;/&lt;Name&gt;.dll; a broken one is reported and skipped.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "synchub-plugins-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void LoadAll_BuiltPlugins_LoadsEveryConnectorAsHostTypes()
    {
        var result = Load(Path.Combine(AppContext.BaseDirectory, "plugins"));

        result.Errors.ShouldBeEmpty();
        result.Gateways.Select(g => g.Info.Name).Order().ShouldBe(["file-drop", "sandbox", "square", "webhook", "xero"]);
    }

    [Fact]
    public void LoadAll_OneBrokenPlugin_ReportsItAndLoadsTheRest()
    {
        CopyPlugin("SyncHub.Connectors.Sandbox");
        var broken = Directory.CreateDirectory(Path.Combine(_folder, "Broken.Connector"));
        File.WriteAllText(Path.Combine(broken.FullName, "Broken.Connector.dll"), "this is not an assembly");
        Directory.CreateDirectory(Path.Combine(_folder, "Empty.Connector"));

        var result = Load(_folder);

        result.Gateways.ShouldHaveSingleItem().Info.Name.ShouldBe("sandbox");
        result.Errors.Select(e => e.Plugin).Order().ShouldBe(["Broken.Connector", "Empty.Connector"]);
        result.Errors.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Reason));
    }

    [Fact]
    public void LoadAll_PluginBuiltAgainstAnotherSdkMajor_RefusedWithTheReason()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var built = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestPlugins", "SyncHub.Connectors.FutureSdk", "bin", configuration, "net10.0"));
        CopyPlugin("SyncHub.Connectors.Sandbox");
        var target = Directory.CreateDirectory(Path.Combine(_folder, "SyncHub.Connectors.FutureSdk"));
        foreach (var file in Directory.GetFiles(built))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }

        var result = Load(_folder);

        result.Gateways.ShouldHaveSingleItem().Info.Name.ShouldBe("sandbox");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Plugin.ShouldBe("SyncHub.Connectors.FutureSdk");
        error.Reason.ShouldContain("SDK 2.x");
    }

    [Fact]
    public void LoadAll_PluginBuiltAgainstTheOlderSdk12_LoadsWithItsCapabilitiesAndNoDestinationReader()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var built = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestPlugins", "SyncHub.Connectors.Sdk12", "bin", configuration, "net10.0"));
        var target = Directory.CreateDirectory(Path.Combine(_folder, "SyncHub.Connectors.Sdk12"));
        foreach (var file in Directory.GetFiles(built))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }

        var result = Load(_folder);

        result.Errors.ShouldBeEmpty();
        var gateway = result.Gateways.ShouldHaveSingleItem();
        gateway.Info.Name.ShouldBe("sdk12");
        gateway.ShouldBeAssignableTo<IRecordLookup>();
        gateway.ShouldNotBeAssignableTo<IDestinationReader>();
        gateway.Info.Capabilities.ShouldBeNull();
        GatewayCapabilities.Of(gateway).ShouldBe(ConnectorCapabilities.Lookup);
        SdkReference.Of(gateway.GetType().Assembly).ShouldBe(new Version(1, 2, 0, 0));
        typeof(IDestinationReader).Assembly.GetName().Version.ShouldBe(new Version(1, 4, 0, 0));
    }

    [Fact]
    public void LoadAll_NoPluginFolder_LoadsNothingWithoutError() =>
        Load(Path.Combine(_folder, "missing")).Gateways.ShouldBeEmpty();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void CopyPlugin(string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "plugins", name);
        var target = Directory.CreateDirectory(Path.Combine(_folder, name));
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }
    }

    private static PluginLoadResult Load(string path)
    {
        var services = new ConnectorServices(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var loader = new PluginLoader(Options.Create(new PluginOptions { Path = path }), services, NullLogger<PluginLoader>.Instance);
        return loader.LoadAll();
    }
}
