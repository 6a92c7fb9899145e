using System.Diagnostics;
using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// 1. Delivery throughput: N records queued while the integration is paused, then resumed; timed until SyncHub
/// counts them all delivered (sync log included, on the store the run measures). The limit posts the same body N times to the same
/// server at the same concurrency.
/// </summary>
internal sealed class DeliveryScenario : IScenario
{
    public string Name => "delivery";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
    {
        var n = context.Options.Records;
        await using var destination = await Destination.StartAsync();
        await using var database = await context.NewDatabaseAsync("delivery");
        await using var app = await BenchApp.StartHealthyAsync(context, database);
        using var api = BenchApp.Api(app);
        await api.CreateWebhookAsync(destination.Url);
        await api.PauseAsync();
        BenchContext.Progress($"queueing {n:N0} records (integration paused)");
        await api.IngestManyAsync(n, "D");

        BenchContext.Progress("delivering");
        var cost = await ProcessCost.StartAsync(app, api);
        var clock = Stopwatch.StartNew();
        await api.ResumeAsync();
        await api.WaitForCountAsync("delivered", n, TimeSpan.FromMilliseconds(100));
        var synchub = n / clock.Elapsed.TotalSeconds;
        var perRecord = await cost.PerRecordAsync(n);
        BenchContext.Progress(string.Create(CultureInfo.InvariantCulture, $"SyncHub: {n:N0} in {clock.Elapsed.TotalSeconds:0.0} s; destination saw {destination.Received:N0}"));

        var body = destination.SampleBody!;
        var limitTime = await BareClient.PostAllAsync(destination.Url, _ => body, n, context.Options.Concurrency);
        var limit = n / limitTime.TotalSeconds;
        var ratio = synchub / limit;
        return
        [
            new($"1. Delivery, {n:N0} records, webhook, concurrency {context.Options.Concurrency}", Figures.Rate(synchub), Figures.Rate(limit), ratio, "≥ 0.8× limit", ratio >= 0.8),
            .. ProcessCost.Rows("1. Delivery", perRecord),
        ];
    }
}
