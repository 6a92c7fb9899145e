using Microsoft.Extensions.Logging;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

internal sealed partial class PluginProcess
{
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

            var now = _time.GetUtcNow();
            if (now < _nextStartAt)
            {
                throw new PluginUnavailableException(_lastCause, _nextStartAt - now);
            }

            try
            {
                (_child, _) = await LaunchAsync(cancellationToken);
                LogRestarted(_plugin, _child.ProcessId);
                return _child;
            }
            catch (PluginRejectedException ex)
            {
                var backoff = Restarted("could not be restarted: " + ex.Message);
                throw new PluginUnavailableException(_lastCause, backoff);
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
            ReleaseStartLock();
        }
    }

    private void ReleaseStartLock()
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

    private TimeSpan Restarted(string cause)
    {
        _lastCause = cause;
        var count = 0;
        foreach (var connector in Connectors)
        {
            count = Math.Max(count, _health.Restarted(connector.Info.Name, cause));
        }

        var backoff = count <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, count - 2)));
        _nextStartAt = _time.GetUtcNow() + backoff;
        LogWillRestart(_plugin, cause, count, backoff.TotalSeconds);
        return backoff;
    }
}
