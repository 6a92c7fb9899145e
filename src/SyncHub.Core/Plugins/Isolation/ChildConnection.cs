using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// One running plugin host process: writes requests to its stdin, matches the replies on its stdout to them by
/// id, relays its stderr to the log at Debug, and fails every call still waiting when the process ends.
/// </summary>
internal sealed class ChildConnection : IDisposable
{
    private readonly Process _process;
    private readonly ChildReplies _replies;
    private readonly ChildErrorRelay _errors;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _nextId;
    private string? _killCause;
    private int _exitHandled;

    private ChildConnection(Process process, string plugin, ILogger logger)
    {
        _process = process;
        _replies = new ChildReplies(plugin, logger);
        _errors = new ChildErrorRelay(plugin, logger);
        ProcessId = process.Id;
        _ = Task.Run(() => _replies.ReadAsync(process));
        _ = Task.Run(() => _errors.RelayAsync(process));
    }

    public int ProcessId { get; }

    /// <summary>The child's first line: its connectors, or why it could not load the plugin.</summary>
    public Task<ChildHello> Hello => _replies.Hello;

    /// <summary>Completes with the exit code once the process has ended and every waiting call has failed.</summary>
    public Task<int> Exited => _replies.Exited;

    /// <summary>The last line the child wrote to stderr, for a start-up failure's reason.</summary>
    public string? LastErrorLine => _errors.LastLine;

    public static ChildConnection Start(string dotnet, string hostPath, string pluginFolder, string plugin, ILogger logger)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(hostPath);
        start.ArgumentList.Add(pluginFolder);
        var process = Process.Start(start) ?? throw new PluginRejectedException("The plugin host process could not be started.");
        return new ChildConnection(process, plugin, logger);
    }

    /// <summary>Sends one request and waits for its reply. Cancelling asks the child to cancel the call too.</summary>
    /// <exception cref="ChildExitedException">The process ended before it answered.</exception>
    public async Task<ChildReply> CallAsync(Func<long, HostRequest> build, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = _replies.Await(id);
        try
        {
            if (_replies.Exited.IsCompleted)
            {
                throw new ChildExitedException(_replies.Exited.Result);
            }

            await WriteAsync(build(id), cancellationToken);
            await using var registration = cancellationToken.Register(() => _ = CancelAsync(id));
            return await reply.WaitAsync(cancellationToken);
        }
        finally
        {
            _replies.Forget(id);
        }
    }

    /// <summary>Resident memory of the child, or null once it has exited.</summary>
    public long? MemoryBytes()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Why the host killed this child, if it did.</summary>
    public string? KillCause => Volatile.Read(ref _killCause);

    /// <summary>Kills the child for <paramref name="cause"/>; false when another kill came first.</summary>
    public bool Kill(string cause)
    {
        if (Interlocked.CompareExchange(ref _killCause, cause, null) is not null)
        {
            return false;
        }

        Kill();
        return true;
    }

    /// <summary>True for the one caller that gets to handle this child's exit.</summary>
    public bool TakeExit() => Interlocked.Exchange(ref _exitHandled, 1) == 0;

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        // Closing stdin ends a healthy child on its own; kill in case the plugin ignores cancellation.
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        Kill();
        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task CancelAsync(long id)
    {
        try
        {
            await WriteAsync(new HostRequest(id, PluginWire.Cancel), CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The child is gone; nothing left to cancel.
        }
    }

    private async Task WriteAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var line = PluginWire.Write(request);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // A broken pipe: the child died; the exit handling fails this call.
            throw new ChildExitedException(await _replies.Exited);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
