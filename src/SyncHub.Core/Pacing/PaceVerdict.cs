namespace SyncHub.Core.Pacing;

/// <summary>What a budget says to one call: go, wait this long, or not today.</summary>
internal readonly record struct PaceVerdict(TimeSpan WaitFor, DateTimeOffset? ResumesAt, bool Allowed)
{
    public static PaceVerdict Go => new(TimeSpan.Zero, null, true);

    public static PaceVerdict Wait(TimeSpan wait) => new(wait, null, false);

    public static PaceVerdict DaySpent(DateTimeOffset resumesAt) => new(TimeSpan.Zero, resumesAt, false);

    /// <summary>This call may go, and it uses the day's last slot.</summary>
    public static PaceVerdict LastOfDay(DateTimeOffset resumesAt) => new(TimeSpan.Zero, resumesAt, true);
}
