using SyncHub.Data.Entities;

namespace SyncHub.Core.Retries;

/// <summary>
/// Exponential backoff with jitter: base × factor^n, capped, then spread ±20 % so records that failed
/// together do not all come back together. A destination's Retry-After is a floor, never shortened. The one formula of
/// SyncHub's waits: the scheduled retries between attempts and the short in-call retries of the Polly pipeline.
/// </summary>
public sealed class BackoffCalculator(IJitterSource jitter)
{
    private const double JitterSpread = 0.2;

    /// <summary>The wait before automatic retry number <paramref name="retryIndex"/> + 1 (0 for the first).</summary>
    public TimeSpan DelayFor(int retryIndex, RetryPolicy policy, TimeSpan? retryAfter = null) =>
        DelayFor(retryIndex, new BackoffShape(policy.BaseDelaySeconds, policy.Factor, policy.MaxDelaySeconds), retryAfter);

    /// <summary>The wait before retry number <paramref name="retryIndex"/> + 1 (0 for the first) of a backoff of this shape.</summary>
    public TimeSpan DelayFor(int retryIndex, BackoffShape shape, TimeSpan? retryAfter = null)
    {
        var nominal = Math.Min(shape.MaxSeconds, shape.BaseSeconds * Math.Pow(shape.Factor, Math.Max(0, retryIndex)));
        var spread = 1 - JitterSpread + (2 * JitterSpread * jitter.Next());
        var seconds = Math.Min(shape.MaxSeconds, nominal * spread);
        var delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return retryAfter is { } floor && floor > delay ? floor : delay;
    }
}
