using System.Globalization;

namespace SyncHub.Core.Tests.Plugins;

/// <summary>A temporary plugins folder holding copies of built plugins, and the settings that isolate some of them.</summary>
internal sealed class PluginFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synchub-isolated-" + Guid.NewGuid().ToString("N"));

    /// <summary>Copies a plugin the build placed beside the tests (plugins/&lt;Name&gt;).</summary>
    public PluginFolder AddBuilt(string name) =>
        Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "plugins", name), name);

    /// <summary>Copies one of tests/TestPlugins from its own build output.</summary>
    public PluginFolder AddTestPlugin(string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Copy(System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestPlugins", name, "bin", configuration, "net10.0")), name);
    }

    public Dictionary<string, string?> Settings(int memoryLimitMb = 1024, params string[] isolated)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Plugins:Path"] = Path,
            ["SyncHub:Plugins:MemoryLimitMb"] = memoryLimitMb.ToString(CultureInfo.InvariantCulture),
            ["SyncHub:Plugins:RestartWindowMinutes"] = "1440",
        };
        for (var i = 0; i < isolated.Length; i++)
        {
            settings[$"SyncHub:Plugins:Isolated:{i}"] = isolated[i];
        }

        return settings;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private PluginFolder Copy(string source, string name)
    {
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target.FullName, System.IO.Path.GetFileName(file)));
        }

        return this;
    }
}
