using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

internal sealed partial class ChildConnection
{
    private async Task ReadRepliesAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                Receive(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe broke with the process.
        }

        var code = -1;
        try
        {
            await _process.WaitForExitAsync();
            code = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
        }

        _hello.TrySetException(new ChildExitedException(code));
        foreach (var (id, waiting) in _pending)
        {
            waiting.TrySetException(new ChildExitedException(code));
            _pending.TryRemove(id, out _);
        }

        _exited.TrySetResult(code);
    }

    private void Receive(string line)
    {
        try
        {
            if (!_hello.Task.IsCompleted)
            {
                _hello.TrySetResult(PluginWire.Read<ChildHello>(line) ?? throw new JsonException("An empty hello."));
            }
            else if (PluginWire.Read<ChildReply>(line) is { } reply && _pending.TryRemove(reply.Id, out var waiting))
            {
                waiting.TrySetResult(reply);
            }
        }
        catch (JsonException ex)
        {
            // Garbage on the protocol channel: the call it was meant to answer times out like a hung one.
            LogGarbage(_plugin, ex.Message);
        }
    }

    private async Task RelayErrorsAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                _lastErrorLine = line.Length > MaxLoggedLine ? line[..MaxLoggedLine] : line;
                LogChildOutput(_plugin, ProcessId, _lastErrorLine);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plugin {Plugin} (process {ProcessId}): {Line}")]
    private partial void LogChildOutput(string plugin, int processId, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} wrote a line that is not a protocol message; ignored: {Error}")]
    private partial void LogGarbage(string plugin, string error);
}
