using System.Threading.Channels;

namespace SyncHub.Core.Operations;

internal sealed class OperationQueue : IOperationQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid operationId, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(operationId, cancellationToken);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
