using System.Collections.Concurrent;

namespace SyncHub.Core.Pacing;

/// <summary>
/// Integrations the destination asked to wait (a 429 with Retry-After, a spent daily budget). While paused, no
/// record of theirs is claimed, so waiting costs no attempts. In memory: after a restart the first call finds out again.
/// </summary>
public sealed class ConnectionPauses(TimeProvider time)
{
    private readonly ConcurrentDictionary<int, ConnectionPause> _pauses = new();

    public void Pause(int integrationId, DateTimeOffset until, string reason) =>
        _pauses.AddOrUpdate(integrationId, new ConnectionPause(until, reason), (_, existing) => existing.Until >= until ? existing : new ConnectionPause(until, reason));

    /// <summary>The pause in force for an integration, if any.</summary>
    public ConnectionPause? For(int integrationId)
    {
        if (!_pauses.TryGetValue(integrationId, out var pause))
        {
            return null;
        }

        if (pause.Until > time.GetUtcNow())
        {
            return pause;
        }

        _pauses.TryRemove(new KeyValuePair<int, ConnectionPause>(integrationId, pause));
        return null;
    }

    /// <summary>The integrations paused right now.</summary>
    public IReadOnlyList<int> PausedIds()
    {
        if (_pauses.IsEmpty)
        {
            return [];
        }

        return [.. _pauses.Keys.Where(id => For(id) is not null)];
    }
}
