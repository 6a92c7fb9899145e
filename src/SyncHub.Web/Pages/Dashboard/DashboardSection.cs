namespace SyncHub.Web.Pages.Dashboard;

/// <summary>
/// A dashboard box's data. When its query failed, the last good data with the time it was read
/// (<see cref="AsOf"/>), or no data at all when there is none yet and the box says it is temporarily unavailable.
/// </summary>
public sealed record DashboardSection<T>(T? Data, DateTimeOffset Now) where T : class
{
    public bool Unavailable => Data is null;

    /// <summary>Set when the live query failed and <see cref="Data"/> is the last good value, read at this time.</summary>
    public DateTimeOffset? AsOf { get; init; }

    public StaleNotice? Stale => AsOf is { } asOf && Data is not null ? new StaleNotice(asOf, Now) : null;
}
