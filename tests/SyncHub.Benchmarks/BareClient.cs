using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace SyncHub.Benchmarks;

/// <summary>
/// The physical limit: a bare HttpClient loop posting the same bodies to the same loopback server at the same
/// concurrency, with nothing stored. Whatever SyncHub adds on top (claims, sync log, SQLite) shows as the gap.
/// </summary>
internal static class BareClient
{
    /// <summary>
    /// Posts <paramref name="count"/> bodies, <paramref name="concurrency"/> at a time; returns the elapsed time. Each
    /// request's <c>Idempotency-Key</c> is <paramref name="keyPrefix"/> and its index, so runs with different prefixes never replay.
    /// </summary>
    public static async Task<TimeSpan> PostAllAsync(string url, Func<int, byte[]> body, int count, int concurrency, string? apiKey = null, string keyPrefix = "")
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new ByteArrayContent(body(i));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", keyPrefix + i.ToString(CultureInfo.InvariantCulture));
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        });
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }
}
