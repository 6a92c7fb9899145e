using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// A running or ended retry operation; when ended it carries the refreshed list. <paramref name="WaitingUntil"/> is set
/// while it waits for an open connection breaker; <paramref name="OthersFailed"/> counts records that failed for the first
/// time while it ran (not part of its fixed set).
/// </summary>
public sealed record OperationProgressView(
    RetryOperation Operation, FailedListView? RefreshedList, DateTimeOffset? WaitingUntil = null, DateTimeOffset? Now = null, int OthersFailed = 0)
{
    public int Done => Operation.Succeeded + Operation.Failed;

    public bool Finished => Operation.Status != OperationStatus.Running;

    public string Title => Operation.Status switch
    {
        OperationStatus.Stopped => "Retry All Failed stopped.",
        OperationStatus.Cancelled => "Retry All Failed cancelled.",
        _ => "Retry All Failed finished.",
    };

    /// <summary>Records per minute so far, from the operation's own progress; null before the first record is done.</summary>
    public double? RatePerMinute
    {
        get
        {
            var elapsed = Now is { } now ? now - Operation.CreatedAt : TimeSpan.Zero;
            return Done > 0 && elapsed > TimeSpan.Zero ? Done / elapsed.TotalMinutes : null;
        }
    }

    /// <summary>The time left at the rate so far; null until there is a rate.</summary>
    public TimeSpan? TimeLeft => RatePerMinute is { } rate
        ? TimeSpan.FromMinutes(Math.Max(0, Operation.Total - Done) / rate)
        : null;

    public static string Describe(TimeSpan left) => left switch
    {
        _ when left < TimeSpan.FromMinutes(1) => "less than a minute",
        _ when left < TimeSpan.FromHours(1) => $"about {Math.Ceiling(left.TotalMinutes):0} min",
        _ => $"about {(int)left.TotalHours} h {left.Minutes} min",
    };
}
