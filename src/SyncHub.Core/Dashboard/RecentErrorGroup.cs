using SyncHub.Connectors;

namespace SyncHub.Core.Dashboard;

/// <summary>Consecutive failures of one integration with the same error class in the same minute, newest first.</summary>
public sealed record RecentErrorGroup(IReadOnlyList<RecentError> Errors)
{
    public RecentError Newest => Errors[0];

    public DateTimeOffset At => Newest.At;

    public ErrorClass ErrorClass => Newest.ErrorClass;

    public int Count => Errors.Count;

    /// <summary>How many ended each way, the most common first.</summary>
    public IReadOnlyList<(ErrorOutcome Outcome, int Count)> Outcomes =>
        Errors.GroupBy(e => e.Outcome).Select(g => (g.Key, g.Count())).OrderByDescending(o => o.Item2).ThenBy(o => o.Key).ToList();
}
