namespace SyncHub.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for the lock by blocking a thread.
/// The engine's writers queue here instead, asynchronously, so waiting for the database never starves the
/// thread pool that also serves the pages. A gate made with <c>serialize: false</c> lets every writer through
/// (PostgreSQL, where writers lock rows, not the database).
/// </summary>
public sealed class WriteGate
{
    private static readonly IDisposable Open = new Release(null);

    private readonly SemaphoreSlim? _semaphore;

    public WriteGate()
        : this(serialize: true)
    {
    }

    public WriteGate(bool serialize)
    {
        _semaphore = serialize ? new SemaphoreSlim(1, 1) : null;
    }

    /// <summary>True when writers take turns (SQLite); false when every writer is let through (PostgreSQL).</summary>
    public bool Serializes => _semaphore is not null;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return Open;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim? semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (semaphore is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
