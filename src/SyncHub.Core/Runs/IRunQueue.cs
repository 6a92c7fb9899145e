namespace SyncHub.Core.Runs;

/// <summary>Hands started runs to the background worker that executes them.</summary>
public interface IRunQueue
{
    ValueTask EnqueueAsync(long runId, CancellationToken cancellationToken);

    IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken);
}
