using System.Diagnostics;
using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// 2. Retry All Failed: one record really fails (the destination answers 503), the database is filled with N-1
/// copies of it while SyncHub is stopped, SyncHub starts again with the destination healthy, and one API call
/// retries them all. Timed to the operation's completion; the dashboard is fetched every second meanwhile and the
/// process's peak resident memory read from /proc. The limit posts the same body N times.
/// </summary>
internal sealed class RetryAllScenario : IScenario
{
    // The dashboard's boxes as its htmx polls fetch them, each timed on its own to show which one a slow page waits on.
    private static readonly string[] Boxes = ["/?handler=Status", "/?handler=Trend&range=day", "/?handler=Errors", "/?handler=Money"];

    public string Name => "retry-all";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
    {
        var n = context.Options.Records;
        await using var database = await context.NewDatabaseAsync("retry-all");
        await using var destination = await Destination.StartAsync();
        destination.Healthy = false;
        await using (var first = await BenchApp.StartHealthyAsync(context, database))
        {
            using var setup = BenchApp.Api(first);
            await setup.CreateWebhookAsync(destination.Url);
            await setup.IngestAsync(SyncHubApi.Record(0, "R"));
            await setup.WaitForCountAsync("failed", 1, TimeSpan.FromMilliseconds(100));
        }

        var seeding = database.Seed(n - 1, 1, 0);
        BenchContext.Progress(string.Create(CultureInfo.InvariantCulture, $"seeded {n - 1:N0} failed records in {seeding.TotalSeconds:0.0} s"));
        destination.Healthy = true;

        // The limit is timed while no SyncHub runs: timed after the run, it shared the cores with whatever the app was
        // still doing (a build still compiling its hot methods slowed the bare loop by a third).
        var body = destination.SampleBody!;
        var limit = n / (await BareClient.PostAllAsync(destination.Url, _ => body, n, context.Options.Concurrency)).TotalSeconds;
        await using var app = await BenchApp.StartHealthyAsync(context, database);
        using var api = BenchApp.Api(app);
        using var browser = await SignedInClient.CreateAsync(app.BaseUrl);
        await SignedInClient.TimeGetAsync(browser, "/");

        var dashboard = new Latencies();
        var boxes = Boxes.ToDictionary(b => b, _ => new Latencies());
        var cost = await ProcessCost.StartAsync(app, api);
        var clock = Stopwatch.StartNew();
        var operation = await api.RetryAllAsync();
        using var done = new CancellationTokenSource();
        var watcher = WatchDashboardAsync(browser, dashboard, boxes, done.Token);
        var progress = (Succeeded: -1, At: clock.Elapsed);
        while (true)
        {
            var state = await api.OperationAsync(operation);
            var succeeded = state.GetProperty("succeeded").GetInt32();
            if (succeeded != progress.Succeeded)
            {
                progress = (succeeded, clock.Elapsed);
            }
            else if (clock.Elapsed - progress.At > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"Retry All made no progress for two minutes: {state}\n{app.OutputTail}");
            }

            if (state.GetProperty("status").GetString() is not ("running" or "queued" or "pending"))
            {
                clock.Stop();
                await done.CancelAsync();
                await watcher;
                BenchContext.Progress($"operation {state}");
                if (state.GetProperty("succeeded").GetInt32() != n)
                {
                    throw new InvalidOperationException($"Retry All ended without delivering all {n:N0} records: {state}");
                }

                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        }

        var synchub = n / clock.Elapsed.TotalSeconds;
        var perRecord = await cost.PerRecordAsync(n);
        var peak = app.Memory().Peak;
        var ratio = synchub / limit;
        var p95 = dashboard.Percentile(95);
        return
        [
            new($"2. Retry All Failed, {n:N0} records, one call", Figures.Rate(synchub), Figures.Rate(limit), ratio, "≥ 0.7× limit", ratio >= 0.7),
            .. ProcessCost.Rows("2. Retry All", perRecord),
            new("2. Retry All: peak memory (VmHWM)", Figures.Megabytes(peak), "–", null, "< 300 MB", peak < 300L * 1024 * 1024),
            new($"2. Retry All: dashboard p95 while it runs ({dashboard.Count} requests)", Figures.Millis(p95), "–", null, "≤ 50 ms", p95 <= 50),
            .. boxes.Select(b => new ResultRow($"2. Retry All: dashboard box {b.Key.Split('=', '&')[1]} p95", Figures.Millis(b.Value.Percentile(95)), "–", null, "–", true)),
        ];
    }

    private static async Task WatchDashboardAsync(HttpClient browser, Latencies dashboard, Dictionary<string, Latencies> boxes, CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            dashboard.Add(await SignedInClient.TimeGetAsync(browser, "/"));
            foreach (var (path, latencies) in boxes)
            {
                latencies.Add(await SignedInClient.TimeGetAsync(browser, path));
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, done);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
