using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Plugins;

/// <summary>Where connector plugins are loaded from, and which run in a process of their own (<c>SyncHub:Plugins</c>).</summary>
public sealed class PluginOptions
{
    public const string Section = "SyncHub:Plugins";

    /// <summary>A folder with one sub-folder per plugin: <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>. Relative to the app's folder.</summary>
    [Required]
    public string Path { get; set; } = "plugins";

    /// <summary>
    /// Plugin folder names (for example <c>SyncHub.Connectors.Webhook</c>, case-insensitive) to run in a child process
    /// each, where SyncHub can watch their memory and restart them without touching the rest.
    /// </summary>
    public List<string> Isolated { get; set; } = [];

    /// <summary>An isolated plugin whose process uses more memory than this (resident set) is killed and restarted.</summary>
    [Range(16, 1_048_576)]
    public int MemoryLimitMb { get; set; } = 256;

    /// <summary>How often an isolated plugin's memory is checked between calls (it is also checked after every call).</summary>
    [Range(0.1, 3600)]
    public double MemoryCheckSeconds { get; set; } = 5;

    /// <summary>Restarts within this window count towards the reason shown and the restart backoff.</summary>
    [Range(1, 10_080)]
    public double RestartWindowMinutes { get; set; } = 10;

    /// <summary>An isolated plugin that has not reported its connectors this long after starting is given up.</summary>
    [Range(1, 600)]
    public double StartTimeoutSeconds { get; set; } = 30;

    /// <summary>The isolated plugin host, relative to the app's folder; the build puts it in <c>pluginhost/</c>.</summary>
    [Required]
    public string HostPath { get; set; } = System.IO.Path.Combine("pluginhost", "SyncHub.PluginHost.dll");
}
