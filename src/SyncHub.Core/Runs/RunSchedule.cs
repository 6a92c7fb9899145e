using System.Globalization;
using Quartz;

namespace SyncHub.Core.Runs;

/// <summary>An integration's schedule: an interval (<c>00:15:00</c>) or a Quartz cron expression (<c>0 0/15 * * * ?</c>).</summary>
public sealed class RunSchedule
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    private readonly TimeSpan? _interval;
    private readonly CronExpression? _cron;

    private RunSchedule(TimeSpan? interval, CronExpression? cron)
    {
        _interval = interval;
        _cron = cron;
    }

    /// <returns>The schedule, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static RunSchedule? Parse(string? text, out string? error)
    {
        error = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is required: an interval such as 00:15:00 or a Quartz cron expression such as 0 0/15 * * * ?.";
            return null;
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval))
        {
            if (interval < MinimumInterval)
            {
                error = "must be at least one minute apart.";
                return null;
            }

            return new RunSchedule(interval, null);
        }

        try
        {
            return new RunSchedule(null, new CronExpression(trimmed, TimeZoneInfo.Utc));
        }
        catch (FormatException)
        {
            // Not a cron expression either; say what both forms look like.
        }

        error = "is neither an interval (hh:mm:ss) nor a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week).";
        return null;
    }

    /// <summary>The first time after <paramref name="after"/> the schedule fires.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _interval is { } interval ? after + interval : _cron!.GetNextValidTimeAfter(after);
}
