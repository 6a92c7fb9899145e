namespace SyncHub.Core.Plugins;

/// <summary>
/// Connectors that keep failing in their own code: a throw or no outcome on several calls in a row. Such a connector
/// is unhealthy with its last error as the reason, shown where restarted isolated plugins are, until it answers again.
/// One bad record does not mark it: the count restarts with every call the connector answers.
/// </summary>
public sealed class ConnectorFaults(TimeProvider time)
{
    /// <summary>Failed calls in a row that mark a connector unhealthy.</summary>
    public const int Threshold = 5;

    private const int MaxErrorLength = 300;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Streak> _streaks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connector's own code failed (it threw, or returned nothing).</summary>
    public void Failed(string connector, string error)
    {
        var clipped = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength] + "…";
        lock (_lock)
        {
            var count = _streaks.TryGetValue(connector, out var streak) ? streak.Count + 1 : 1;
            _streaks[connector] = new Streak(count, clipped, time.GetUtcNow());
        }
    }

    /// <summary>The connector answered (with any outcome, failures of the destination included).</summary>
    public void Answered(string connector)
    {
        lock (_lock)
        {
            _streaks.Remove(connector);
        }
    }

    public IReadOnlyList<ConnectorProblem> Problems()
    {
        lock (_lock)
        {
            return [.. _streaks
                .Where(s => s.Value.Count >= Threshold)
                .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
                .Select(s => new ConnectorProblem(s.Key,
                    $"Connector '{s.Key}' failed in its own code on its last {s.Value.Count} calls ({s.Value.LastError}); it counts as healthy again once it answers a call.",
                    s.Value.At))];
        }
    }

    private readonly record struct Streak(int Count, string LastError, DateTimeOffset At);
}
