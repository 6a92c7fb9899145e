namespace SyncHub.Core.Operations;

/// <summary>Hands retry operations to the background worker that runs them.</summary>
public interface IOperationQueue
{
    ValueTask EnqueueAsync(Guid operationId, CancellationToken cancellationToken);

    IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken);
}
