namespace SyncHub.TestUtils;

/// <summary>
/// Waits, boundedly and in real time, for a condition that background work makes true (a retry operation, the
/// delivery job, another process). It polls the condition itself, first often and then less so, and fails with a
/// <see cref="TimeoutException"/> naming what it waited for and the last value it saw; an exception the condition
/// throws ends the wait at once. Waits on the engine's own clock advance a <c>FakeTimeProvider</c> instead.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(100);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        MatchesAsync(() => Task.FromResult(condition()), done => done, what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        MatchesAsync(condition, done => done, what, timeout);

    /// <summary>Probes until <paramref name="done"/> holds for the value read, and returns that value.</summary>
    public static Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        ProgressingAsync(probe, done, _ => 0, what, timeout ?? DefaultTimeout);

    /// <summary>
    /// Probes until <paramref name="done"/> holds, for as long as <paramref name="progress"/> keeps changing: it fails
    /// only when the progress read has stayed the same for <paramref name="stall"/>, so slow work that keeps moving
    /// gets a slow pass and stuck work fails within <paramref name="stall"/>.
    /// </summary>
    public static async Task<T> ProgressingAsync<T, TProgress>(
        Func<Task<T>> probe, Func<T, bool> done, Func<T, TProgress> progress, string what, TimeSpan stall)
    {
        var started = TimeProvider.System.GetTimestamp();
        var lastMove = started;
        var interval = FirstInterval;
        var value = await probe();
        var last = progress(value);
        while (!done(value))
        {
            var stalled = TimeProvider.System.GetElapsedTime(lastMove);
            if (stalled >= stall)
            {
                throw new TimeoutException(
                    $"Gave up after {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.###} s waiting for {what}. Last value: {value}");
            }

            // The one real wait the tests make: it polls the condition, it does not stand in for it.
            await Task.Delay(Min(interval, stall - stalled), TimeProvider.System);
            interval = Min(interval * 2, LongestInterval);
            value = await probe();
            var now = progress(value);
            if (!EqualityComparer<TProgress>.Default.Equals(now, last))
            {
                last = now;
                lastMove = TimeProvider.System.GetTimestamp();
            }
        }

        return value;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
