namespace SyncHub.Core.Dashboard;

/// <summary>
/// One result shared by every caller for a while: the first caller after it expires computes it, and callers arriving
/// meanwhile wait for that result rather than start their own. Dashboards poll; without this, each open dashboard
/// repeated the same costly aggregate every few seconds.
/// </summary>
public sealed class SharedResult<T>(TimeProvider time) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _current;
    private DateTimeOffset _readAt;

    /// <param name="maxAge">How old a shared result may be; zero or less computes on every call.</param>
    public async Task<T> GetAsync(TimeSpan maxAge, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_current is null || maxAge <= TimeSpan.Zero || now - _readAt >= maxAge)
            {
                _current = await compute(cancellationToken);
                _readAt = now;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
