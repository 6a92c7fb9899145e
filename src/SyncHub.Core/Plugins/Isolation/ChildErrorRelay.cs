using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>The child's stderr, relayed to the log at Debug; the last line is kept as a start-up failure's reason.</summary>
internal sealed partial class ChildErrorRelay(string plugin, ILogger logger)
{
    private const int MaxLoggedLine = 2000;
    private volatile string? _lastLine;

    public string? LastLine => _lastLine;

    public async Task RelayAsync(Process process)
    {
        try
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                var kept = line.Length > MaxLoggedLine ? line[..MaxLoggedLine] : line;
                _lastLine = kept;
                LogChildOutput(plugin, process.Id, kept);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plugin {Plugin} (process {ProcessId}): {Line}")]
    private partial void LogChildOutput(string plugin, int processId, string line);
}
