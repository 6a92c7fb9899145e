using SyncHub.Data.Entities;

namespace SyncHub.Core.Retries;

/// <summary>
/// Exponential backoff with jitter: base × factor^n, capped, then spread ±20 % so records that failed
/// together do not all come back together. A destination's Retry-After is a floor, never shortened.
/// </summary>
public sealed class BackoffCalculator(IJitterSource jitter)
{
    private const double JitterSpread = 0.2;

    /// <summary>The wait before automatic retry number <paramref name="retryIndex"/> + 1 (0 for the first).</summary>
    public TimeSpan DelayFor(int retryIndex, RetryPolicy policy, TimeSpan? retryAfter = null)
    {
        var nominal = Math.Min(policy.MaxDelaySeconds, policy.BaseDelaySeconds * Math.Pow(policy.Factor, Math.Max(0, retryIndex)));
        var spread = 1 - JitterSpread + (2 * JitterSpread * jitter.Next());
        var seconds = Math.Min(policy.MaxDelaySeconds, nominal * spread);
        var delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return retryAfter is { } floor && floor > delay ? floor : delay;
    }
}
