using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Http;

namespace SyncHub.Connectors.Xero.Faults;

/// <summary>
/// A 429, read with Xero's <c>X-Rate-Limit-Problem</c>: which limit was hit decides the message and how long
/// SyncHub waits, so a spent daily budget is waited out instead of burning retries every minute.
/// </summary>
internal static class RateLimitFailure
{
    private static readonly TimeSpan MinuteWait = TimeSpan.FromSeconds(60);

    // A daily limit answered with a Retry-After shorter than this is not believed: the next call would hit it again.
    private static readonly TimeSpan ShortestDayWait = TimeSpan.FromSeconds(60);

    public static XeroFailure From(XeroAnswer answer, DateTimeOffset now)
    {
        var problem = answer.RateLimitProblem?.Trim().ToLowerInvariant();
        var (message, wait) = problem switch
        {
            "minute" => ("Xero's per-minute limit for this organisation (60 calls a minute) was reached.", answer.RetryAfter ?? MinuteWait),
            "appminute" => ("Xero's app-wide per-minute limit (all organisations using this Xero app) was reached.", answer.RetryAfter ?? MinuteWait),
            "day" => ("Xero's daily limit for this organisation (5,000 calls in 24 hours) was reached.", DayWait(answer.RetryAfter, now)),
            "concurrent" => ("Xero's limit of 5 calls in progress at once for this organisation was reached.", answer.RetryAfter ?? TimeSpan.FromSeconds(1)),
            _ => ("Xero asked SyncHub to slow down.", answer.RetryAfter ?? MinuteWait),
        };
        var until = (now + wait).ToUniversalTime();
        return new XeroFailure(ErrorClass.RateLimited, $"{message} Trying again after {until:yyyy-MM-dd HH:mm:ss} UTC.", 429, wait);
    }

    /// <summary>Xero's Retry-After when it is believable; otherwise until the next UTC midnight.</summary>
    private static TimeSpan DayWait(TimeSpan? retryAfter, DateTimeOffset now)
    {
        if (retryAfter is { } given && given >= ShortestDayWait)
        {
            return given;
        }

        var utc = now.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.Date.AddDays(1), TimeSpan.Zero);
        var untilMidnight = midnight - utc;
        return retryAfter is { } shortWait && shortWait > untilMidnight ? shortWait : untilMidnight;
    }
}
