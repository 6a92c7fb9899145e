namespace SyncHub.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for the lock by blocking a thread.
/// The engine's writers queue here instead, asynchronously, so waiting for the database never starves the
/// thread pool that also serves the pages. A gate made with <c>serialize: false</c> lets every writer through
/// (PostgreSQL, where writers lock rows, not the database). Either kind knows which async flow holds it, so
/// <see cref="WriteGateGuard"/> can refuse a write made outside it.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim? _semaphore;
    private readonly AsyncLocal<WriteGateHold?> _held = new();
    private int _lent;

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

    /// <summary>True while the current async flow (or one it started) holds the gate.</summary>
    public bool IsHeld => _held.Value is { IsHeld: true };

    /// <summary>
    /// True while a hold taken with <see cref="EnterAsync"/> is out. Such a hold may be lent by the method that took it
    /// to the methods that write with it (the engine's store does), and a flow cannot see a hold taken in a method that
    /// has returned, so <see cref="WriteGateGuard"/> lets a write through while one is out.
    /// </summary>
    public bool IsLent => Volatile.Read(ref _lent) > 0;

    /// <summary>
    /// Takes the gate until the result is disposed. Not async, so the hold is visible to the caller's flow; prefer
    /// <see cref="RunAsync"/> unless the hold spans more than one block (a loop with retries, a lease handed on).
    /// </summary>
    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => Enter(lent: true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> holding the gate.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using (await Enter(lent: false, cancellationToken))
        {
            await work(cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="work"/> holding the gate and returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using (await Enter(lent: false, cancellationToken))
        {
            return await work(cancellationToken);
        }
    }

    /// <summary>For the few writers that cannot await (Data Protection's key store): blocks a thread while it waits.</summary>
    public void Run(Action work)
    {
        var outer = _held.Value;
        var hold = Take(lent: false);
        try
        {
            _semaphore?.Wait();
            hold.Acquired();
            work();
        }
        finally
        {
            hold.Dispose();
            _held.Value = outer;
        }
    }

    internal void Acquired(bool lent)
    {
        if (lent)
        {
            Interlocked.Increment(ref _lent);
        }
    }

    internal void Returned(bool lent)
    {
        if (lent)
        {
            Interlocked.Decrement(ref _lent);
        }

        _semaphore?.Release();
    }

    private Task<IDisposable> Enter(bool lent, CancellationToken cancellationToken)
    {
        var hold = Take(lent);
        var waiting = _semaphore?.WaitAsync(cancellationToken) ?? Task.CompletedTask;
        if (waiting.IsCompletedSuccessfully)
        {
            hold.Acquired();
            return Task.FromResult<IDisposable>(hold);
        }

        return AcquireAsync(hold, waiting);
    }

    private static async Task<IDisposable> AcquireAsync(WriteGateHold hold, Task waiting)
    {
        try
        {
            await waiting;
        }
        catch
        {
            hold.Abandon();
            throw;
        }

        hold.Acquired();
        return hold;
    }

    // Set before the wait, in the caller's flow, so the caller sees it once the wait is over. The semaphore does not
    // know its holder, so entering again on a flow that holds it would wait for itself forever; no writer nests today,
    // and a loud failure at the inner enter is safer than a hang or a second writer let through unseen.
    private WriteGateHold Take(bool lent)
    {
        if (_held.Value is { IsTaken: true })
        {
            throw new InvalidOperationException(
                "This flow already holds the write gate; entering it again would wait for itself. Do the inner write in the outer hold.");
        }

        var hold = new WriteGateHold(this, lent);
        _held.Value = hold;
        return hold;
    }
}
