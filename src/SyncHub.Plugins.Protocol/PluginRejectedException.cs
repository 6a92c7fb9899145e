namespace SyncHub.Plugins.Protocol;

/// <summary>A plugin was found but cannot be used; the message says why, for the dashboard.</summary>
internal sealed class PluginRejectedException(string message) : Exception(message);
