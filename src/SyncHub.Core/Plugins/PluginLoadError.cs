namespace SyncHub.Core.Plugins;

/// <summary>A plugin that could not be used, and why.</summary>
public sealed record PluginLoadError(string Plugin, string Reason);
