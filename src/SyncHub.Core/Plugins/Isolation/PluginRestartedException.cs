namespace SyncHub.Core.Plugins.Isolation;

/// <summary>The plugin's process ended while a call was in flight: the call may or may not have taken effect.</summary>
internal sealed class PluginRestartedException(string cause) : Exception(cause);
