namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Restarts of isolated plugins per connector. A connector restarted within the window is unhealthy, with the
/// latest cause and the count as its reason; once the window passes without a restart it is healthy again.
/// </summary>
internal sealed class PluginHealth(TimeProvider time, TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _restarts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _causes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a restart; returns how many restarts the window now holds.</summary>
    public int Restarted(string connector, string cause)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_restarts.TryGetValue(connector, out var times))
            {
                _restarts[connector] = times = [];
            }

            times.RemoveAll(t => now - t > window);
            times.Add(now);
            _causes[connector] = cause;
            return times.Count;
        }
    }

    /// <summary>Restarts within the window, without recording one.</summary>
    public int RecentRestarts(string connector)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _restarts.TryGetValue(connector, out var times) ? times.Count(t => now - t <= window) : 0;
        }
    }

    public IReadOnlyList<ConnectorProblem> Problems()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return [.. _restarts
                .Select(r => (Connector: r.Key, Recent: r.Value.Where(t => now - t <= window).ToList()))
                .Where(r => r.Recent.Count > 0)
                .OrderBy(r => r.Connector, StringComparer.OrdinalIgnoreCase)
                .Select(r => new ConnectorProblem(r.Connector, Describe(r.Connector, _causes[r.Connector], r.Recent.Count), r.Recent[^1]))];
        }
    }

    private string Describe(string connector, string cause, int count) =>
        $"Connector '{connector}' {cause} and was restarted {(count == 1 ? "once" : $"{count} times")} in {Window()}.";

    private string Window() => window.TotalMinutes is var minutes && minutes >= 120 && minutes % 60 == 0
        ? $"{minutes / 60:0} hours"
        : $"{minutes:0.#} minutes";
}
