namespace SyncHub.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for the lock by blocking a thread.
/// The engine's writers queue here instead, asynchronously, so waiting for the database never starves the
/// thread pool that also serves the pages.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
