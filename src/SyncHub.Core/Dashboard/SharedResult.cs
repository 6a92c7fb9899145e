namespace SyncHub.Core.Dashboard;

/// <summary>
/// One result shared by every caller for a while. Dashboards poll; without this, each open dashboard repeated the
/// same costly aggregate every few seconds. The first result is computed by the first caller while the others wait
/// for it. After that, a caller who finds the result expired (but younger than twice its maximum age) gets it at once
/// and one refresh starts in the background, so no poll waits on an aggregate while the engine keeps the store busy.
/// </summary>
/// <remarks>
/// Anything older than twice the maximum age, and the first call after a background refresh failed, is computed while
/// the caller waits: a stale figure is never served for long, and a failure reaches a caller who can report it.
/// </remarks>
public sealed class SharedResult<T>(TimeProvider time) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _refreshLock = new();
    private volatile Snapshot? _current;
    private Task _refresh = Task.CompletedTask;
    private volatile bool _refreshFailed;

    /// <summary>The background refresh in progress, or a completed task; tests wait on it.</summary>
    internal Task Refreshing
    {
        get
        {
            lock (_refreshLock)
            {
                return _refresh;
            }
        }
    }

    /// <param name="maxAge">How old a shared result may be; zero or less computes on every call.</param>
    public async Task<T> GetAsync(TimeSpan maxAge, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        if (maxAge > TimeSpan.Zero && _current is { } current && !_refreshFailed)
        {
            var age = time.GetUtcNow() - current.ReadAt;
            if (age < maxAge)
            {
                return current.Value;
            }

            if (age < maxAge * 2)
            {
                StartRefresh(maxAge, compute);
                return current.Value;
            }
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_current is not { } fresh || maxAge <= TimeSpan.Zero || _refreshFailed || now - fresh.ReadAt >= maxAge)
            {
                fresh = new Snapshot(await compute(cancellationToken), now);
                _current = fresh;
                _refreshFailed = false;
            }

            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void StartRefresh(TimeSpan maxAge, Func<CancellationToken, Task<T>> compute)
    {
        lock (_refreshLock)
        {
            if (!_refresh.IsCompleted)
            {
                return;
            }

            // Not the caller's token: the refresh serves every later caller, not the one who happened to start it.
            _refresh = Task.Run(() => RefreshAsync(maxAge, compute));
        }
    }

    private async Task RefreshAsync(TimeSpan maxAge, Func<CancellationToken, Task<T>> compute)
    {
        try
        {
            await _gate.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow();
            if (_current is { } fresh && now - fresh.ReadAt < maxAge)
            {
                // A caller who waited at the gate computed it meanwhile: not twice.
                return;
            }

            _current = new Snapshot(await compute(CancellationToken.None), now);
        }
        catch (Exception)
        {
            // The next caller computes while it waits and so sees (and reports) the failure itself.
            _refreshFailed = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(T Value, DateTimeOffset ReadAt);
}
