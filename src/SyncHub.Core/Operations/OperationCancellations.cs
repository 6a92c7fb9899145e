using System.Collections.Concurrent;

namespace SyncHub.Core.Operations;

/// <summary>
/// Wakes a running operation that waits for a connection breaker when an administrator cancels it. The database
/// status is the truth (it survives restarts and works across processes); this only shortens the wait.
/// </summary>
public sealed class OperationCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>A token that fires when the operation is cancelled; dispose the lease when the run ends.</summary>
    public Lease Register(Guid operationId)
    {
        var source = new CancellationTokenSource();
        _running[operationId] = source;
        return new Lease(this, operationId, source);
    }

    public void Signal(Guid operationId)
    {
        if (!_running.TryGetValue(operationId, out var source))
        {
            return;
        }

        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended between the look-up and the signal: nothing left to wake.
        }
    }

    /// <summary>One run's registration.</summary>
    public sealed class Lease(OperationCancellations owner, Guid operationId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner._running.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(operationId, source));
            source.Dispose();
        }
    }
}
