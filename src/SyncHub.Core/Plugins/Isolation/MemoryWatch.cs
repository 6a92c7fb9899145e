using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Kills an isolated plugin's process once it uses more memory than <see cref="IsolationSettings.MemoryLimitBytes"/>:
/// checked on a <see cref="TimeProvider"/> timer, so an idle leak is caught too, and after every call.
/// </summary>
internal sealed partial class MemoryWatch(string plugin, IsolationSettings settings, TimeProvider time, ILogger logger)
{
    /// <summary>Checks <paramref name="current"/>'s child on every tick of the check interval, until disposed.</summary>
    public IDisposable Every(Func<ChildConnection?> current) =>
        time.CreateTimer(_ => CheckCurrent(current), null, settings.CheckInterval, settings.CheckInterval);

    /// <summary>Why a process using <paramref name="bytes"/> must be killed, or null when it may run on.</summary>
    public string? OverLimit(long? bytes) =>
        bytes is { } used && used > settings.MemoryLimitBytes
            ? $"used {used / IsolationSettings.Megabyte} MB (limit {settings.MemoryLimitMb} MB)"
            : null;

    /// <summary>Kills the child if it is over the limit.</summary>
    public void Check(ChildConnection child)
    {
        var bytes = child.MemoryBytes();
        if (OverLimit(bytes) is { } cause && child.Kill(cause))
        {
            LogOverLimit(plugin, child.ProcessId, bytes!.Value / IsolationSettings.Megabyte, settings.MemoryLimitMb);
        }
    }

    private void CheckCurrent(Func<ChildConnection?> current)
    {
        if (current() is { } child)
        {
            Check(child);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} (process {ProcessId}) used {UsedMb} MB, over its limit of {LimitMb} MB; killing it")]
    private partial void LogOverLimit(string plugin, int processId, long usedMb, long limitMb);
}
