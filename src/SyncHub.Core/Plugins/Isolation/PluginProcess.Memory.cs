using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Plugins.Isolation;

internal sealed partial class PluginProcess
{
    // On the watchdog's timer (driven by the TimeProvider) and after every call.
    private void Watch()
    {
        if (!_disposed && _child is { } child)
        {
            CheckMemory(child);
        }
    }

    private void CheckMemory(ChildConnection child)
    {
        if (child.MemoryBytes() is not { } bytes || bytes <= _settings.MemoryLimitBytes)
        {
            return;
        }

        var used = bytes / IsolationSettings.Megabyte;
        if (child.Kill($"used {used} MB (limit {_settings.MemoryLimitMb} MB)"))
        {
            LogOverLimit(_plugin, child.ProcessId, used, _settings.MemoryLimitMb);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} (process {ProcessId}) used {UsedMb} MB, over its limit of {LimitMb} MB; killing it")]
    private partial void LogOverLimit(string plugin, int processId, long usedMb, long limitMb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} {Cause}; restart {Count} in the window, next start allowed in {BackoffSeconds} s")]
    private partial void LogWillRestart(string plugin, string cause, int count, double backoffSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} restarted as process {ProcessId}")]
    private partial void LogRestarted(string plugin, int processId);
}
