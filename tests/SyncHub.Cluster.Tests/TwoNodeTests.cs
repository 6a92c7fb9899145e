using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Shouldly;
using SyncHub.Core.Recovery;
using SyncHub.Data.Entities;
using SyncHub.Processes;
using SyncHub.TestUtils;
using Xunit.Abstractions;

namespace SyncHub.Cluster.Tests;

/// <summary>
/// Two SyncHub nodes share one PostgreSQL database and deliver 20,000 records to a loopback destination; one is
/// killed with SIGKILL midway. Every record must arrive exactly once (one create, under one idempotency key), none
/// lost, and the dead node's claims must have been released to the survivor. Size: SYNCHUB_CLUSTER_RECORDS.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const string Slug = "cluster";
    private const int BatchSize = 1000;
    private const string ApiKey = "cluster-test-key-0123456789";

    [Fact]
    public async Task TwoNodes_OneKilledMidway_DeliverEveryRecordExactlyOnce()
    {
        var records = int.TryParse(Environment.GetEnvironmentVariable("SYNCHUB_CLUSTER_RECORDS"), out var configured) ? configured : 20_000;
        await using var database = await PostgresTestDatabase.CreateAsync();
        // Each call takes a few milliseconds, so a delivering node has claims out most of the time.
        using var destination = new IdempotentDestination(delay: TimeSpan.FromMilliseconds(3));
        using var survivor = await StartNodeAsync("node-a", database.ConnectionString);
        using var victim = await StartNodeAsync("node-b", database.ConnectionString);

        await CreateIntegrationAsync(survivor, destination.Url);
        await IngestAsync([survivor, victim], records);
        await Eventually.TrueAsync(() => destination.CreatedKeys.Count >= records / 3, "a third of the records delivered", TimeSpan.FromMinutes(10));

        var heldByVictim = await FreezeHoldingClaimsAsync(victim, database);
        victim.Kill();
        output.WriteLine($"Killed node-b after {destination.CreatedKeys.Count} creates, holding {heldByVictim} claims.");

        var counts = await WaitUntilDeliveredAsync(survivor, records);
        output.WriteLine($"{records} records, {destination.Requests} requests, {destination.Replays} replays deduplicated by key.");

        counts.ShouldBe((records, 0, 0), "(delivered, failed, pending or in flight) after the kill:\n" + survivor.OutputTail);
        destination.KeysBySource.Count.ShouldBe(records, "every record arrived at the destination");
        destination.KeysBySource.Where(s => s.Value.Count != 1).Select(s => s.Key).ShouldBeEmpty("no record was sent under a second key");
        destination.CreatedKeys.Count.ShouldBe(records, "one create per record");
        heldByVictim.ShouldBeGreaterThan(0, "the killed node was delivering when it died");
        (await ReleasedFromDeadNodesAsync(database)).ShouldBe(heldByVictim, "the survivor released exactly the dead node's claims");
    }

    /// <summary>
    /// Freezes the node (SIGSTOP) at a moment it holds claims and returns how many. Between two batches it holds none,
    /// and a batch can finish between a look and a kill; a frozen node changes nothing, so the claims read are exactly
    /// those the kill strands, and the test proves they go to the survivor.
    /// </summary>
    private static async Task<long> FreezeHoldingClaimsAsync(SyncHubProcess node, PostgresTestDatabase database)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            await Eventually.TrueAsync(async () => await InFlightAsync(database, node.Name) > 0, node.Name + " holding claims", deadline - DateTimeOffset.UtcNow);
            await node.FreezeAsync();
            // A commit the node sent just before it stopped is still running in its server session; once none of its
            // sessions is active, the count reads what the kill strands.
            await Eventually.TrueAsync(
                async () => await ActiveSessionsAsync(database, node.Name) == 0, node.Name + "'s statements sent before it froze to finish", TimeSpan.FromSeconds(30));
            if (await InFlightAsync(database, node.Name) is > 0 and var held)
            {
                return held;
            }

            await node.ThawAsync();
        }
    }

    /// <summary>A node on the shared database (its sessions named after it) with a short lease, so a dead node's claims come back within the test.</summary>
    private static Task<SyncHubProcess> StartNodeAsync(string name, string connectionString) =>
        SyncHubProcess.StartHealthyAsync(
            RepositoryRoot.WebAssemblyLikeThisBuild(),
            $"http://127.0.0.1:{LoopbackPort.Free()}",
            [
                "--SyncHub:Database:Provider=Postgres",
                $"--ConnectionStrings:SyncHub={new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString}",
                $"--SyncHub:Cluster:NodeId={name}", "--SyncHub:Cluster:HeartbeatSeconds=1", "--SyncHub:Cluster:LeaseSeconds=20",
                "--SyncHub:Demo:Enabled=false", $"--SyncHub:ApiKeys:0={ApiKey}",
                "--SyncHub:Admin:Email=admin@cluster.test", "--SyncHub:Admin:Password=cluster-test-password-1",
                "--Logging:LogLevel:Default=Warning",
            ],
            TimeSpan.FromMinutes(3), // a cold start on a busy machine is slow
            name);

    private static HttpClient Api(SyncHubProcess node) => node.CreateApiClient(ApiKey, TimeSpan.FromSeconds(30));

    private static async Task CreateIntegrationAsync(SyncHubProcess node, string url)
    {
        using var api = Api(node);
        var response = await api.PostAsJsonAsync("/api/v1/integrations", new
        {
            slug = Slug,
            name = "Cluster destination",
            connector = "webhook",
            settings = new { url },
            mapping = """{"source": {{ record.source_id | object.to_json }}, "amount": {{ payload.amount }}}""",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Batches of a thousand, alternating between the nodes, as a load balancer would spread them.</summary>
    private static async Task IngestAsync(SyncHubProcess[] nodes, int records)
    {
        for (var start = 0; start < records; start += BatchSize)
        {
            using var api = Api(nodes[start / BatchSize % nodes.Length]);
            var batch = Enumerable.Range(start, Math.Min(BatchSize, records - start))
                .Select(i => new { entityType = "invoice", sourceId = $"INV-{i:D6}", payload = new { amount = i } }).ToList();
            var response = await api.PostAsJsonAsync($"/api/v1/integrations/{Slug}/records:batch", new { records = batch });
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// Polls until every record is delivered, or until delivery stops making progress for two minutes (a stuck claim
    /// or a lost record), so a slow machine gets a slow pass rather than a false failure.
    /// </summary>
    private static async Task<(int Delivered, int Failed, int Pending)> WaitUntilDeliveredAsync(SyncHubProcess node, int records)
    {
        using var api = Api(node);
        try
        {
            return await Eventually.ProgressingAsync(
                async () =>
                {
                    using var document = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/integrations/{Slug}"));
                    var c = document.RootElement.GetProperty("counts");
                    return (Delivered: c.GetProperty("delivered").GetInt32(), Failed: c.GetProperty("failed").GetInt32(),
                        Pending: c.GetProperty("pending").GetInt32() + c.GetProperty("inFlight").GetInt32());
                },
                counts => counts.Delivered == records, counts => counts.Delivered, "every record delivered (delivered, failed, pending or in flight)",
                TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException stalled)
        {
            throw new TimeoutException(stalled.Message + "\n" + node.OutputTail, stalled);
        }
    }

    private static async Task<long> ActiveSessionsAsync(PostgresTestDatabase database, string node) =>
        await ScalarAsync(database, """SELECT COUNT(*) FROM pg_stat_activity WHERE "application_name" = @value AND "state" = 'active'""", node);

    private static async Task<long> InFlightAsync(PostgresTestDatabase database, string node) =>
        await ScalarAsync(database, $"""SELECT COUNT(*) FROM "Records" WHERE "ClaimedBy" = @value AND "Status" = {(int)RecordStatus.InFlight}""", node);

    private static async Task<long> ReleasedFromDeadNodesAsync(PostgresTestDatabase database) =>
        await ScalarAsync(database, """SELECT COUNT(*) FROM "SyncLog" WHERE "Message" = @value""", ClaimRelease.NodeLostMessage);

    private static async Task<long> ScalarAsync(PostgresTestDatabase database, string sql, string value)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
