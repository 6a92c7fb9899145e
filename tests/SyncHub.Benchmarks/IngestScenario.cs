using System.Diagnostics;
using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// 4. Ingest through the API, the integration paused so only ingest is measured: single records
/// (<c>POST .../records</c>, at the delivery concurrency) and batches of 1,000 (<c>POST .../records:batch</c>, two at
/// a time). The limit posts the same request bodies, the same way, to the bare loopback server. Both sides are warmed up first.
/// </summary>
internal sealed class IngestScenario : IScenario
{
    private const int BatchSize = 1000;
    private const int BatchConcurrency = 2;

    public string Name => "ingest";

    private const int WarmupRound = 5000;
    private const int MaxWarmupRounds = 30;
    private const int SettledMethods = 50;

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
    {
        var n = context.Options.Records;
        var single = Math.Min(n, 20_000);
        var concurrency = context.Options.Concurrency;
        await using var destination = await Destination.StartAsync();
        await using var database = await context.NewDatabaseAsync("ingest");
        await using var app = await BenchApp.StartHealthyAsync(context, database);
        using var api = BenchApp.Api(app);
        await api.CreateWebhookAsync(destination.Url);
        await api.PauseAsync();
        var singleUrl = $"{app.BaseUrl}/api/v1/integrations/{SyncHubApi.Slug}/records";
        var batchUrl = singleUrl + ":batch";

        // Both sides first serve a warm-up the figures leave out, so the steady state is measured rather than the
        // runtime re-compiling the request path (tiered JIT), which on two busy cores takes tens of seconds.
        var synchubCold = await WarmUpAsync(singleUrl, concurrency, BenchApp.ApiKey, api.CompiledMethodsAsync);
        var limitCold = await WarmUpAsync(destination.Url, concurrency, null, () => Task.FromResult(System.Runtime.JitInfo.GetCompiledMethodCount()));
        BenchContext.Progress($"ingesting {single:N0} single records");
        var cost = await ProcessCost.StartAsync(app, api);
        var synchubSingle = single / (await BareClient.PostAllAsync(singleUrl, i => SyncHubApi.Record(i, "S"), single, concurrency, BenchApp.ApiKey)).TotalSeconds;
        var (cpu, allocated) = await cost.PerRecordAsync(single);
        var limitSingle = single / (await BareClient.PostAllAsync(destination.Url, i => SyncHubApi.Record(i, "S"), single, concurrency)).TotalSeconds;

        var batches = (n + BatchSize - 1) / BatchSize;
        var bodies = Enumerable.Range(0, batches).Select(b => SyncHubApi.Batch(b * BatchSize, Math.Min(BatchSize, n - b * BatchSize), "B")).ToArray();
        BenchContext.Progress($"ingesting {n:N0} records in {batches:N0} batches");
        var synchubBatch = n / (await BareClient.PostAllAsync(batchUrl, b => bodies[b], batches, BatchConcurrency, BenchApp.ApiKey)).TotalSeconds;
        var limitBatch = n / (await BareClient.PostAllAsync(destination.Url, b => bodies[b], batches, BatchConcurrency)).TotalSeconds;
        var pending = await api.CountAsync("pending");
        BenchContext.Progress(string.Create(CultureInfo.InvariantCulture, $"pending now: {pending:N0}"));
        return
        [
            new($"4. Ingest, single, {single:N0} records, concurrency {concurrency}", Figures.Rate(synchubSingle), Figures.Rate(limitSingle), synchubSingle / limitSingle, "≥ 5,000 rec/s", synchubSingle >= 5000),
            new("4. Ingest, single: CPU per request (SyncHub's process)", Figures.Micros(cpu), "–", null, "–", true),
            new("4. Ingest, single: allocated per request", Figures.Kilobytes(allocated), "–", null, "–", true),
            new($"4. Ingest, single, first {WarmupRound:N0} after start (not yet compiled), concurrency {concurrency}", Figures.Rate(synchubCold), Figures.Rate(limitCold), synchubCold / limitCold, "–", true),
            new($"4. Ingest, batches of {BatchSize:N0}, {n:N0} records, {BatchConcurrency} at a time", Figures.Rate(synchubBatch), Figures.Rate(limitBatch), synchubBatch / limitBatch, "≥ 5,000 rec/s", synchubBatch >= 5000),
        ];
    }

    /// <summary>
    /// Rounds of single posts until the server's JIT has settled (a round compiles fewer than
    /// <see cref="SettledMethods"/> methods); returns the first round's rate, the cold figure. The rest is left out.
    /// </summary>
    private static async Task<double> WarmUpAsync(string url, int concurrency, string? apiKey, Func<Task<long>> compiledMethods)
    {
        var first = 0.0;
        var compiled = await compiledMethods();
        for (var round = 0; round < MaxWarmupRounds; round++)
        {
            var prefix = $"W{round}-";
            var elapsed = await BareClient.PostAllAsync(url, i => SyncHubApi.Record(i, prefix), WarmupRound, concurrency, apiKey, prefix);
            var rate = WarmupRound / elapsed.TotalSeconds;
            first = round == 0 ? rate : first;
            var now = await compiledMethods();
            BenchContext.Progress(string.Create(CultureInfo.InvariantCulture, $"warm-up round {round + 1} on port {new Uri(url).Port}: {rate:N0} rec/s, {now - compiled:N0} methods compiled"));
            if (now - compiled < SettledMethods)
            {
                break;
            }

            compiled = now;
        }

        return first;
    }
}
