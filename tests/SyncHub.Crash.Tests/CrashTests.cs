using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using SyncHub.Processes;
using Xunit.Abstractions;

namespace SyncHub.Crash.Tests;

/// <summary>
/// No record lost, none posted twice: SyncHub runs as a real process and is killed with SIGKILL at random
/// moments (while ingesting, delivering, running Retry All and running sync runs that read a source feed),
/// restarted each time, and at the end every record has arrived at the destination under exactly one
/// idempotency key.
/// Size: SYNCHUB_CRASH_RECORDS (default 2000) and SYNCHUB_CRASH_KILLS (default 20); see docs/benchmarks.md
/// for the larger run.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const string Slug = "crash";
    private const string FeedSlug = "crash-feed";
    private const string ApiKey = "crash-test-key-0123456789";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"synchub-crash-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task KilledRepeatedly_WhileDeliveringAndRetrying_LosesNothingAndCreatesNothingTwice()
    {
        var records = Setting("SYNCHUB_CRASH_RECORDS", 2000);
        var kills = Setting("SYNCHUB_CRASH_KILLS", 20);
        var feedRecords = records / 2;
        using var destination = new IdempotentDestination(failureRate: 0.05, feed: new SourceFeed(feedRecords).Answer);
        var port = LoopbackPort.Free();
        var process = await StartAsync(port);
        try
        {
            await CreateIntegrationAsync(process, Slug, new { url = destination.Url });
            await CreateIntegrationAsync(process, FeedSlug, new { url = destination.Url, sourceUrl = destination.FeedUrl });
            var ingest = Task.Run(() => IngestAllAsync($"http://127.0.0.1:{port}", records));
            for (var kill = 0; kill < kills; kill++)
            {
                await Task.Delay(Random.Shared.Next(150, 900));
                if (kill % 4 == 3)
                {
                    await TryRetryAllAsync(process);
                    await Task.Delay(Random.Shared.Next(20, 300));
                }
                else if (kill % 2 == 0)
                {
                    await TrySyncNowAsync(process);
                    await Task.Delay(Random.Shared.Next(50, 400));
                }

                process.Kill();
                process.Dispose();
                process = await StartAsync(port);
            }

            await ingest;
            var counts = await WaitUntilEverythingDeliveredAsync(process, Slug, records);
            var feedCounts = await WaitUntilEverythingDeliveredAsync(process, FeedSlug, feedRecords);

            output.WriteLine($"{records} records, {kills} kills, {destination.Replays} deliveries replayed after a kill and deduplicated by key.");
            counts.ShouldBe((records, 0, 0), $"(delivered, failed, pending) after {kills} kills");
            feedCounts.ShouldBe((feedRecords, 0, 0), $"records read by runs: (delivered, failed, pending) after {kills} kills");
            destination.KeysBySource.Count.ShouldBe(records + feedRecords, "every record arrived at the destination");
            destination.KeysBySource.Where(s => s.Value.Count != 1).Select(s => s.Key).ShouldBeEmpty("no record was created under a second key");
            destination.CreatedKeys.Count.ShouldBe(records + feedRecords, "one create per record");
        }
        finally
        {
            process.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts SyncHub on the same port and database every time, so the test's clients survive restarts.</summary>
    private Task<SyncHubProcess> StartAsync(int port) =>
        SyncHubProcess.StartHealthyAsync(
            RepositoryRoot.WebAssemblyLikeThisBuild(),
            $"http://127.0.0.1:{port}",
            [
                $"--ConnectionStrings:SyncHub=Data Source={_database}", "--SyncHub:Demo:Enabled=false", $"--SyncHub:ApiKeys:0={ApiKey}",
                "--SyncHub:Admin:Email=admin@crash.test", "--SyncHub:Admin:Password=crash-test-password-1", "--Logging:LogLevel:Default=Warning",
                "--SyncHub:Jobs:StartDelaySeconds=0", // restarted twenty times: no pause for the first pages each time
                "--SyncHub:Database:EnforceWriteGate=true", // as in every test host: a write outside the gate fails
            ],
            TimeSpan.FromMinutes(2));

    private static async Task CreateIntegrationAsync(SyncHubProcess process, string slug, object settings)
    {
        using var api = process.CreateApiClient(ApiKey, TimeSpan.FromSeconds(10));
        var response = await api.PostAsJsonAsync("/api/v1/integrations", new
        {
            slug,
            name = "Crash destination " + slug,
            connector = "webhook",
            settings,
            mapping = """{"source": {{ record.source_id | object.to_json }}, "amount": {{ payload.amount }}}""",
            retry = new { baseDelaySeconds = 1, factor = 1.5, maxDelaySeconds = 5, maxAutomaticAttempts = 100 },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts every record until SyncHub accepts it; a post lost to a kill is simply sent again (ingest is idempotent).</summary>
    private static async Task IngestAllAsync(string baseUrl, int records)
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        for (var i = 0; i < records; i++)
        {
            var body = new { entityType = "invoice", sourceId = $"INV-{i:D6}", payload = new { amount = i } };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if ((await api.PostAsJsonAsync($"/api/v1/integrations/{Slug}/records", body)).StatusCode == HttpStatusCode.Accepted)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // SyncHub is down between a kill and its restart.
                }

                attempt.ShouldBeLessThan(600, "ingest never came back");
                await Task.Delay(50);
            }
        }
    }

    private static async Task TryRetryAllAsync(SyncHubProcess process, string slug = Slug)
    {
        using var api = process.CreateApiClient(ApiKey, TimeSpan.FromSeconds(10));
        try
        {
            await api.PostAsJsonAsync($"/api/v1/integrations/{slug}/records/retry", new { all = true });
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Killed first; the next round tries again.
        }
    }

    /// <summary>Starts a run of the feed integration (Sync now); a 409 (one is running) or a kill is fine.</summary>
    private static async Task TrySyncNowAsync(SyncHubProcess process)
    {
        using var api = process.CreateApiClient(ApiKey, TimeSpan.FromSeconds(10));
        try
        {
            await api.PostAsJsonAsync($"/api/v1/integrations/{FeedSlug}/runs", new { mode = "incremental" });
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Killed first; the next round tries again.
        }
    }

    private static async Task<(int Delivered, int Failed, int Pending)> WaitUntilEverythingDeliveredAsync(SyncHubProcess process, string slug, int records)
    {
        using var api = process.CreateApiClient(ApiKey, TimeSpan.FromSeconds(10));
        (int, int, int) counts = default;
        for (var i = 0; i < 1200; i++)
        {
            if (slug == FeedSlug && i % 25 == 0)
            {
                // Records a killed run read but never staged are read again by the next run; the checkpoint only
                // moves when a run completes.
                await TrySyncNowAsync(process);
            }

            using var document = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/integrations/{slug}"));
            var c = document.RootElement.GetProperty("counts");
            counts = (c.GetProperty("delivered").GetInt32(), c.GetProperty("failed").GetInt32(), c.GetProperty("pending").GetInt32() + c.GetProperty("inFlight").GetInt32());
            if (counts.Item1 == records)
            {
                return counts;
            }

            if (i % 50 == 49 && counts.Item2 > 0)
            {
                await TryRetryAllAsync(process, slug);
            }

            await Task.Delay(200);
        }

        return counts;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
