namespace SyncHub.Web.Pages.Dashboard;

/// <summary>A dashboard box's data, or null when its query failed and the box says it is temporarily unavailable.</summary>
public sealed record DashboardSection<T>(T? Data, DateTimeOffset Now) where T : class
{
    public bool Unavailable => Data is null;
}
