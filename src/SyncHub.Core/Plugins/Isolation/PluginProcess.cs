using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Keeps one isolated plugin's process: starts it (<see cref="ChildLauncher"/>), restarts it on the next call after
/// it died or was killed, when <see cref="RestartPolicy"/> allows, and has <see cref="MemoryWatch"/> kill it over its limit.
/// </summary>
internal sealed partial class PluginProcess : IDisposable
{
    private readonly ChildLauncher _launcher;
    private readonly RestartPolicy _restarts;
    private readonly MemoryWatch _memory;
    private readonly IDisposable _watchdog;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private ChildConnection? _child;
    private volatile bool _disposed;

    public PluginProcess(ChildLauncher launcher, RestartPolicy restarts, MemoryWatch memory, ILogger logger)
    {
        _launcher = launcher;
        _restarts = restarts;
        _memory = memory;
        _logger = logger;
        _watchdog = memory.Every(() => _disposed ? null : _child);
    }

    public IReadOnlyList<WireConnector> Connectors { get; private set; } = [];

    /// <summary>The running child's process id, if one is running.</summary>
    public int? ProcessId => _child is { Exited.IsCompleted: false } child ? child.ProcessId : null;

    /// <summary>Starts the first process and learns the plugin's connectors from its hello.</summary>
    /// <exception cref="PluginRejectedException">The plugin host could not start or the plugin could not load.</exception>
    public async Task StartAsync()
    {
        var (child, hello) = await _launcher.LaunchAsync(CancellationToken.None);
        Connectors = hello.Connectors;
        Adopt(child);
    }

    /// <summary>Sends one request to the plugin, restarting its process first if it is down.</summary>
    /// <exception cref="PluginUnavailableException">The process is down and waits out its backoff; nothing was sent.</exception>
    /// <exception cref="PluginRestartedException">The process ended while the call was in flight.</exception>
    public async Task<ChildReply> CallAsync(Func<long, HostRequest> build, CancellationToken cancellationToken)
    {
        var child = await CurrentAsync(cancellationToken);
        try
        {
            return await child.CallAsync(build, cancellationToken);
        }
        catch (ChildExitedException ex)
        {
            throw new PluginRestartedException(child.KillCause ?? Crashed(ex.ExitCode));
        }
        finally
        {
            _memory.Check(child);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watchdog.Dispose();
        _child?.Dispose();
        _startLock.Dispose();
    }

    private static string Crashed(int exitCode) => $"exited unexpectedly (exit code {exitCode})";

    private void Adopt(ChildConnection child)
    {
        _child = child;
        _ = WatchExitAsync(child);
    }

    private async Task<ChildConnection> CurrentAsync(CancellationToken cancellationToken)
    {
        // A child the watchdog has killed is not handed out even before it is gone: the call waits for the restart.
        if (_child is { Exited.IsCompleted: false, KillCause: null } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_child is { } child)
            {
                if (!child.Exited.IsCompleted && child.KillCause is null)
                {
                    return child;
                }

                HandleExit(child, await child.Exited.WaitAsync(cancellationToken));
            }

            _restarts.EnsureMayStart();
            try
            {
                var (started, _) = await _launcher.LaunchAsync(cancellationToken);
                Adopt(started);
                LogRestarted(_launcher.Plugin, started.ProcessId);
                return started;
            }
            catch (PluginRejectedException ex)
            {
                throw _restarts.Unavailable(Restarted("could not be restarted: " + ex.Message));
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task WatchExitAsync(ChildConnection child)
    {
        var code = await child.Exited;
        try
        {
            await _startLock.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            HandleExit(child, code);
        }
        finally
        {
            try
            {
                _startLock.Release();
            }
            catch (ObjectDisposedException)
            {
                // Disposed while this exit was handled.
            }
        }
    }

    /// <summary>Runs once per child, under the start lock: records the restart and sets the backoff.</summary>
    private void HandleExit(ChildConnection child, int exitCode)
    {
        if (_disposed || !child.TakeExit())
        {
            return;
        }

        Restarted(child.KillCause ?? Crashed(exitCode));
        if (ReferenceEquals(_child, child))
        {
            _child = null;
        }

        child.Dispose();
    }

    private TimeSpan Restarted(string cause) => _restarts.Restarted(cause, Connectors.Select(c => c.Info.Name));

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} restarted as process {ProcessId}")]
    private partial void LogRestarted(string plugin, int processId);
}
