using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// The child's stdout: its hello first, then replies matched to waiting calls by id. When the stream ends, the hello
/// and every call still waiting fail with the exit code, and <see cref="Exited"/> completes.
/// </summary>
internal sealed partial class ChildReplies(string plugin, ILogger logger)
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ChildReply>> _pending = new();
    private readonly TaskCompletionSource<ChildHello> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ChildHello> Hello => _hello.Task;

    public Task<int> Exited => _exited.Task;

    /// <summary>A call with this id now waits for its reply.</summary>
    public Task<ChildReply> Await(long id)
    {
        var reply = new TaskCompletionSource<ChildReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        return reply.Task;
    }

    /// <summary>The call no longer waits (answered, cancelled or failed).</summary>
    public void Forget(long id) => _pending.TryRemove(id, out _);

    public async Task ReadAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
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
            await process.WaitForExitAsync();
            code = process.ExitCode;
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
            LogGarbage(plugin, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} wrote a line that is not a protocol message; ignored: {Error}")]
    private partial void LogGarbage(string plugin, string error);
}
