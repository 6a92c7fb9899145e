using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Plugins;

/// <summary>Where connector plugins are loaded from (<c>SyncHub:Plugins</c>).</summary>
public sealed class PluginOptions
{
    public const string Section = "SyncHub:Plugins";

    /// <summary>A folder with one sub-folder per plugin: <c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>. Relative to the app's folder.</summary>
    [Required]
    public string Path { get; set; } = "plugins";
}
