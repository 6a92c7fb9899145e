using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Keeps one isolated plugin's process: starts it, restarts it on the next call after it died or was killed
/// (immediately the first time in the window, then with a growing backoff), and reports every restart to
/// <see cref="PluginHealth"/> for each of the plugin's connectors.
/// </summary>
internal sealed partial class PluginProcess : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly string _folder;
    private readonly string _plugin;
    private readonly IsolationSettings _settings;
    private readonly PluginHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ITimer _watchdog;
    private ChildConnection? _child;
    private DateTimeOffset _nextStartAt;
    private string _lastCause = "";
    private volatile bool _disposed;

    private PluginProcess(string folder, IsolationSettings settings, PluginHealth health, TimeProvider time, ILogger logger)
    {
        _folder = folder;
        _plugin = Path.GetFileName(folder);
        _settings = settings;
        _health = health;
        _time = time;
        _logger = logger;
        _watchdog = time.CreateTimer(_ => Watch(), null, settings.CheckInterval, settings.CheckInterval);
    }

    public IReadOnlyList<WireConnector> Connectors { get; private set; } = [];

    /// <summary>The running child's process id, if one is running.</summary>
    public int? ProcessId => _child is { Exited.IsCompleted: false } child ? child.ProcessId : null;

    /// <exception cref="PluginRejectedException">The plugin host could not start or the plugin could not load.</exception>
    public static async Task<PluginProcess> StartAsync(string folder, IsolationSettings settings, PluginHealth health, TimeProvider time, ILogger logger)
    {
        var process = new PluginProcess(folder, settings, health, time, logger);
        try
        {
            var (child, hello) = await process.LaunchAsync(CancellationToken.None);
            process._child = child;
            process.Connectors = hello.Connectors;
            return process;
        }
        catch
        {
            process.Dispose();
            throw;
        }
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
            CheckMemory(child);
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

    private async Task<(ChildConnection Child, ChildHello Hello)> LaunchAsync(CancellationToken cancellationToken)
    {
        ChildConnection child;
        try
        {
            child = ChildConnection.Start(_settings.Dotnet, _settings.HostPath, _folder, _plugin, _logger);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PluginRejectedException($"The plugin host '{_settings.HostPath}' could not be started: {ex.Message}");
        }

        try
        {
            using var timeout = new CancellationTokenSource(_settings.StartTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var hello = await child.Hello.WaitAsync(linked.Token);
            if (hello.Error is { } error)
            {
                throw new PluginRejectedException(error);
            }

            _ = WatchExitAsync(child);
            return (child, hello);
        }
        catch (ChildExitedException ex)
        {
            child.Dispose();
            throw new PluginRejectedException($"The plugin host exited (code {ex.ExitCode}) before it reported its connectors{(child.LastErrorLine is { } line ? ": " + line : ".")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            child.Dispose();
            throw new PluginRejectedException($"The plugin host reported no connectors within {_settings.StartTimeout.TotalSeconds:0} seconds.");
        }
        catch (PluginRejectedException)
        {
            child.Dispose();
            throw;
        }
    }
}
