using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// 3. Dashboard and failed list at scale. SyncHub writes one failed and one delivered record itself; each page is
/// timed on that almost empty database, then SyncHub stops, the seeder fills the database (failed records with two
/// failed entries each, delivered records with one, up to the asked number of log entries), SyncHub starts again
/// and each page is timed again: p50 and p95 of sequential signed-in GETs over loopback, body included. The limit
/// is a static file from the same process.
/// </summary>
internal sealed class PagesScenario : IScenario
{
    private const int PageSize = 50;
    private const int KeysetPage = 500;

    public string Name => "pages";

    public async Task<IReadOnlyList<ResultRow>> RunAsync(BenchContext context)
    {
        var options = context.Options;
        await using var database = await context.NewDatabaseAsync("pages");
        await using var destination = await Destination.StartAsync();
        Dictionary<string, Latencies> small;
        await using (var first = await BenchApp.StartHealthyAsync(context, database))
        {
            using var setup = BenchApp.Api(first);
            await setup.CreateWebhookAsync(destination.Url);
            destination.Healthy = false;
            await setup.IngestAsync(SyncHubApi.Record(0, "P"));
            await setup.WaitForCountAsync("failed", 1, TimeSpan.FromMilliseconds(100));
            destination.Healthy = true;
            await setup.IngestAsync(SyncHubApi.Record(1, "P"));
            await setup.WaitForCountAsync("delivered", 1, TimeSpan.FromMilliseconds(100));
            small = await TimePagesAsync(first, Pages(database, small: true), options.Samples);
        }

        var failed = options.Failed;
        var delivered = options.LogEntries - 2 * failed;
        var seeding = database.Seed(failed, 2, delivered);
        BenchContext.Progress(string.Create(CultureInfo.InvariantCulture,
            $"seeded {failed:N0} failed and {delivered:N0} delivered records, {options.LogEntries:N0} log entries, in {seeding.TotalSeconds:0.0} s"));

        await using var app = await BenchApp.StartHealthyAsync(context, database);
        var large = await TimePagesAsync(app, Pages(database, small: false), options.Samples);
        var rows = new List<ResultRow>();
        var limit = large["static file"].Percentile(95);
        foreach (var (page, timings) in large.Where(p => p.Key != "static file"))
        {
            var p95 = timings.Percentile(95);
            var before = small[page].Percentile(95);
            rows.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"3. {page}: p50 {Figures.Millis(timings.Percentile(50))}, p95 on an empty database {Figures.Millis(before)}"),
                "p95 " + Figures.Millis(p95), "p95 " + Figures.Millis(limit), limit / p95, "p95 ≤ 50 ms", p95 <= 50));
        }

        return rows;
    }

    /// <summary>The pages by name; page 500 and the record are looked up in the database as they stand.</summary>
    private static Dictionary<string, string> Pages(BenchDatabase database, bool small)
    {
        var failedStatus = database.Scalar("""SELECT "Status" FROM "Records" WHERE "LastErrorClass" IS NOT NULL AND "DeliveredAt" IS NULL ORDER BY "Id" LIMIT 1""");
        var offset = small ? 0 : (KeysetPage - 1) * PageSize - 1;
        var before = database.Scalar($"""SELECT "Id" FROM "Records" WHERE "Status" = {failedStatus} AND "ArchivedAt" IS NULL ORDER BY "Id" DESC LIMIT 1 OFFSET {offset}""");
        var record = database.Scalar($"""SELECT "Id" FROM "Records" WHERE "Status" = {failedStatus} ORDER BY "Id" DESC LIMIT 1 OFFSET {(small ? 0 : 1000)}""");
        return new()
        {
            ["dashboard /"] = "/",
            ["failed list, first page"] = "/failed",
            ["failed list, filtered (entity type payment)"] = "/failed?entityType=payment",
            [$"failed list, page {KeysetPage} by keyset"] = $"/failed?before={before}",
            ["record detail"] = $"/records/{record}",
            ["static file"] = "/css/site.css",
        };
    }

    private static async Task<Dictionary<string, Latencies>> TimePagesAsync(SyncHubProcess app, Dictionary<string, string> pages, int samples)
    {
        using var browser = await SignedInClient.CreateAsync(app.BaseUrl);
        var results = new Dictionary<string, Latencies>();
        foreach (var (name, path) in pages)
        {
            for (var i = 0; i < 10; i++)
            {
                await SignedInClient.TimeGetAsync(browser, path);
            }

            var timings = new Latencies();
            for (var i = 0; i < samples; i++)
            {
                timings.Add(await SignedInClient.TimeGetAsync(browser, path));
            }

            BenchContext.Progress(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({path}): p50 {timings.Percentile(50):0.0} ms, p95 {timings.Percentile(95):0.0} ms"));
            results[name] = timings;
        }

        return results;
    }
}
