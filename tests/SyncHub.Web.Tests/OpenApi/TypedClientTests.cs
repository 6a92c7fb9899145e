using System.Text.Json;
using Shouldly;
using SyncHub.Client;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>The typed client against a running SyncHub: ingest a batch, Retry All, wait for the operation; and a problem as an exception.</summary>
public sealed class TypedClientTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task RetryAll_AfterABatchFailed_OperationCompletesAndDeliversEveryRecord()
    {
        using var http = factory.CreateApiClient();
        await http.CreateIntegrationAsync("client-books");
        var client = new SyncHubClient(http);
        using var payload = JsonDocument.Parse("""{"amount": 12.5, "currency": "EUR"}""");
        factory.Gateway.ThenFail(ErrorClass.Transient, "Service unavailable", 503)
            .ThenFail(ErrorClass.Transient, "Service unavailable", 503)
            .ThenFail(ErrorClass.Transient, "Service unavailable", 503);

        var ingested = await client.IngestBatchAsync("client-books",
            [.. Enumerable.Range(1, 3).Select(i => new RecordToIngest("invoice", $"CL-{i}", payload.RootElement))]);
        await factory.DeliverPendingAsync();
        (await client.ListRecordsAsync("client-books", "failed")).Items.Count.ShouldBe(3);
        var started = await client.RetryAllAsync("client-books");
        var finished = await client.WaitForOperationAsync(started.OperationId, TimeSpan.FromMilliseconds(50))
            .WaitAsync(TimeSpan.FromSeconds(30));

        ingested.Select(r => r.Created).ShouldAllBe(created => created);
        started.Total.ShouldBe(3);
        finished.Status.ShouldBe("completed");
        finished.Succeeded.ShouldBe(3);
        (await client.GetIntegrationAsync("client-books")).Counts.Delivered.ShouldBe(3);
    }

    [Fact]
    public async Task IngestBatch_InvalidRecord_ThrowsWithTheProblemNamingTheField()
    {
        using var http = factory.CreateApiClient();
        await http.EnsureIntegrationAsync("client-checks");
        var client = new SyncHubClient(http);
        using var payload = JsonDocument.Parse("{}");

        var error = await Should.ThrowAsync<SyncHubApiException>(() => client.IngestBatchAsync("client-checks", [new RecordToIngest("", "CL-1", payload.RootElement)]));

        error.Status.ShouldBe(400);
        error.Problem!.Errors!.Keys.ShouldContain(key => key.StartsWith("records[0].", StringComparison.Ordinal));
    }
}
