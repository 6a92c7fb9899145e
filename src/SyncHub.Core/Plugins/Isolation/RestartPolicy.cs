using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// When an isolated plugin's process may start again: at once after its first restart in the window, then after a
/// backoff that doubles with every further restart, up to <see cref="MaxBackoff"/>. Every restart is reported to
/// <see cref="PluginHealth"/> for each of the plugin's connectors.
/// </summary>
internal sealed partial class RestartPolicy(string plugin, PluginHealth health, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private DateTimeOffset _nextStartAt;
    private string _lastCause = "";

    /// <summary>How long to wait before the next start, given the restarts the window now holds.</summary>
    public static TimeSpan BackoffFor(int restartsInWindow) =>
        restartsInWindow <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, restartsInWindow - 2)));

    /// <summary>Records a restart for <paramref name="cause"/>; returns the backoff it set.</summary>
    public TimeSpan Restarted(string cause, IEnumerable<string> connectors)
    {
        _lastCause = cause;
        var count = 0;
        foreach (var connector in connectors)
        {
            count = Math.Max(count, health.Restarted(connector, cause));
        }

        var backoff = BackoffFor(count);
        _nextStartAt = time.GetUtcNow() + backoff;
        LogWillRestart(plugin, cause, count, backoff.TotalSeconds);
        return backoff;
    }

    /// <summary>Throws while the backoff of the last restart lasts.</summary>
    /// <exception cref="PluginUnavailableException">The process may not start yet; says for how long.</exception>
    public void EnsureMayStart()
    {
        var now = time.GetUtcNow();
        if (now < _nextStartAt)
        {
            throw new PluginUnavailableException(_lastCause, _nextStartAt - now);
        }
    }

    /// <summary>The exception for a start that failed just now, after <see cref="Restarted"/> set its backoff.</summary>
    public PluginUnavailableException Unavailable(TimeSpan backoff) => new(_lastCause, backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} {Cause}; restart {Count} in the window, next start allowed in {BackoffSeconds} s")]
    private partial void LogWillRestart(string plugin, string cause, int count, double backoffSeconds);
}
