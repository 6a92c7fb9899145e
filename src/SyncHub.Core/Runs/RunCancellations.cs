using System.Collections.Concurrent;

namespace SyncHub.Core.Runs;

/// <summary>Cancel requests for runs executing in this process; the executor checks between batches.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<long, byte> _requested = new();

    public void Request(long runId) => _requested[runId] = 0;

    public bool IsRequested(long runId) => _requested.ContainsKey(runId);

    public void Forget(long runId) => _requested.TryRemove(runId, out _);
}
