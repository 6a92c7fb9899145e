using System.Globalization;
using SyncHub.Core.Breakers;

namespace SyncHub.Web.Pages;

/// <summary>How the pages show connection circuit breakers.</summary>
public static class BreakerDisplay
{
    public static string Label(BreakerState state) => state switch
    {
        BreakerState.Open => "Open: paused",
        BreakerState.HalfOpen => "Half-open: testing with one record",
        _ => "Closed: sending normally",
    };

    public static string Css(BreakerState state) => state switch
    {
        BreakerState.Open => "badge badge-auth",
        BreakerState.HalfOpen => "badge badge-transient",
        _ => "badge",
    };

    /// <summary>"next probe at 09:00:30 UTC (in 30 s)", "probing now", or "" for a closed breaker.</summary>
    public static string NextProbe(BreakerSnapshot breaker, DateTimeOffset now) => breaker.State switch
    {
        BreakerState.Open when breaker.NextProbeAt is { } at => $"next probe at {Clock(at)} ({Display.Relative(at, now)})",
        BreakerState.HalfOpen => "probing now",
        _ => "",
    };

    /// <summary>HH:mm:ss UTC, for times within the next minutes.</summary>
    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
