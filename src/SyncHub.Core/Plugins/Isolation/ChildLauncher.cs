using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>Starts one plugin host process for a plugin folder and waits, up to the start timeout, for its hello.</summary>
internal sealed class ChildLauncher(string folder, IsolationSettings settings, TimeProvider time, ILogger logger)
{
    public string Plugin { get; } = Path.GetFileName(folder);

    /// <exception cref="PluginRejectedException">The host could not start, exited first, stayed silent, or could not load the plugin.</exception>
    public async Task<(ChildConnection Child, ChildHello Hello)> LaunchAsync(CancellationToken cancellationToken)
    {
        ChildConnection child;
        try
        {
            child = ChildConnection.Start(settings.Dotnet, settings.HostPath, folder, Plugin, logger);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PluginRejectedException($"The plugin host '{settings.HostPath}' could not be started: {ex.Message}");
        }

        try
        {
            using var timeout = new CancellationTokenSource(settings.StartTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var hello = await child.Hello.WaitAsync(linked.Token);
            return hello.Error is { } error ? throw new PluginRejectedException(error) : (child, hello);
        }
        catch (ChildExitedException ex)
        {
            child.Dispose();
            throw new PluginRejectedException($"The plugin host exited (code {ex.ExitCode}) before it reported its connectors{(child.LastErrorLine is { } line ? ": " + line : ".")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            child.Dispose();
            throw new PluginRejectedException($"The plugin host reported no connectors within {settings.StartTimeout.TotalSeconds:0} seconds.");
        }
        catch (PluginRejectedException)
        {
            child.Dispose();
            throw;
        }
    }
}
