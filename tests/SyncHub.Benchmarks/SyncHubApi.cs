using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SyncHub.Benchmarks;

/// <summary>The public API calls the scenarios make: an integration, its pause switch, ingest, counts, Retry All.</summary>
internal sealed class SyncHubApi(HttpClient client) : IDisposable
{
    public const string Slug = "bench";

    public static byte[] Payload(int i) =>
        Encoding.UTF8.GetBytes($$"""{"number":"INV-{{i}}","customer":"Customer {{i % 500}}","amount":{{i % 9_000 + 100}}.25,"currency":"EUR","lines":[{"sku":"SKU-{{i % 40}}","quantity":{{i % 7 + 1}}}]}""");

    public static byte[] Record(int i, string prefix) =>
        Encoding.UTF8.GetBytes($$"""{"entityType":"invoice","sourceId":"{{prefix}}-{{i}}","payload":""").Concat(Payload(i)).Concat("}"u8.ToArray()).ToArray();

    public static byte[] Batch(int first, int count, string prefix)
    {
        using var body = new MemoryStream();
        body.Write("""{"records":["""u8);
        for (var i = first; i < first + count; i++)
        {
            if (i > first)
            {
                body.WriteByte((byte)',');
            }

            body.Write(Record(i, prefix));
        }

        body.Write("]}"u8);
        return body.ToArray();
    }

    /// <summary>A webhook integration posting to <paramref name="url"/>; automatic retries a day away, so failures stay put.</summary>
    public async Task CreateWebhookAsync(string url)
    {
        var body = $$$"""{"slug":"{{{Slug}}}","name":"Bench","connector":"webhook","settings":{"url":"{{{url}}}"},"retry":{"baseDelaySeconds":86400}}""";
        await PostAsync("/api/v1/integrations", Encoding.UTF8.GetBytes(body));
    }

    public Task PauseAsync() => PostAsync($"/api/v1/integrations/{Slug}/pause", """{"reason":"benchmark"}"""u8.ToArray());

    public Task ResumeAsync() => PostAsync($"/api/v1/integrations/{Slug}/resume", "{}"u8.ToArray());

    public Task IngestAsync(byte[] record) => PostAsync($"/api/v1/integrations/{Slug}/records", record);

    public Task IngestBatchAsync(byte[] batch) => PostAsync($"/api/v1/integrations/{Slug}/records:batch", batch);

    /// <summary>Ingests <paramref name="count"/> records in batches of 1,000, two batches at a time.</summary>
    public async Task IngestManyAsync(int count, string prefix)
    {
        var batches = Enumerable.Range(0, (count + 999) / 1000).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (b, _) =>
            await IngestBatchAsync(Batch(b * 1000, Math.Min(1000, count - b * 1000), prefix)));
    }

    public async Task<int> CountAsync(string status)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/integrations/{Slug}"));
        return document.RootElement.GetProperty("counts").GetProperty(status).GetInt32();
    }

    /// <summary>Polls the count until it reaches <paramref name="expected"/>.</summary>
    public async Task WaitForCountAsync(string status, int expected, TimeSpan poll)
    {
        while (await CountAsync(status) < expected)
        {
            await Task.Delay(poll, TimeProvider.System);
        }
    }

    /// <summary>Retry All Failed: one call; returns the operation's id.</summary>
    public async Task<string> RetryAllAsync()
    {
        using var response = await client.PostAsync($"/api/v1/integrations/{Slug}/records/retry", Json("""{"all":true}"""u8.ToArray()));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("operationId").GetString()!;
    }

    public async Task<JsonElement> OperationAsync(string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/operations/{id}"));

    /// <summary>Bytes the process has allocated so far, from the runtime meter on <c>/metrics</c>.</summary>
    public Task<long> AllocatedBytesAsync() => RuntimeFigureAsync("dotnet_gc_heap_total_allocated");

    /// <summary>Methods the process's JIT has compiled so far (tier-ups included), from the runtime meter on <c>/metrics</c>.</summary>
    public Task<long> CompiledMethodsAsync() => RuntimeFigureAsync("dotnet_jit_compiled_methods");

    private async Task<long> RuntimeFigureAsync(string name)
    {
        var scrape = await client.GetStringAsync("/metrics");
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The scrape has no {name} figure.");
        var value = line[(line.LastIndexOf(' ') + 1)..];
        return (long)double.Parse(value, CultureInfo.InvariantCulture);
    }

    public void Dispose() => client.Dispose();

    private async Task PostAsync(string path, byte[] body)
    {
        using var response = await client.PostAsync(path, Json(body));
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"POST {path} answered {(int)response.StatusCode}: {detail}"));
        }
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }
}
