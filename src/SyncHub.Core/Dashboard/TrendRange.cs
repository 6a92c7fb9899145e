namespace SyncHub.Core.Dashboard;

/// <summary>The window of the error trend: the last 24 hours by hour, or the last 30 days by day.</summary>
public enum TrendRange
{
    Day = 0,
    Month = 1,
}
