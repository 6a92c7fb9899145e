using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SyncHub.Core.Reconciliation;

/// <summary>Hands comparisons and resyncs to the background worker, and carries cancel requests to the one running.</summary>
public sealed class ReconcileQueue
{
    private readonly Channel<ReconcileWork> _channel = Channel.CreateUnbounded<ReconcileWork>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<long, byte> _cancelled = new();

    public ValueTask EnqueueAsync(ReconcileWork work, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(work, cancellationToken);

    public IAsyncEnumerable<ReconcileWork> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public void RequestCancel(long runId) => _cancelled[runId] = 0;

    public bool IsCancelRequested(long runId) => _cancelled.ContainsKey(runId);

    public void Forget(long runId) => _cancelled.TryRemove(runId, out _);
}
