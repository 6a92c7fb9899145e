using System.Threading.Channels;

namespace SyncHub.Core.Runs;

internal sealed class RunQueue : IRunQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = false });

    public ValueTask EnqueueAsync(long runId, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(runId, cancellationToken);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
