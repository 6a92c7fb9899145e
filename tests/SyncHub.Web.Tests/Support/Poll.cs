using System.Diagnostics;

namespace SyncHub.Web.Tests.Support;

/// <summary>Waits, boundedly, for work that runs in the background (retry operations, the delivery job).</summary>
internal static class Poll
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"Gave up after {clock.Elapsed.TotalSeconds:0.#} s waiting for {what}. Last value: {value}");
            }

            await Task.Delay(Interval);
        }
    }
}
