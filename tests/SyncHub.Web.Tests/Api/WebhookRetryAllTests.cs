using System.Net;
using System.Text.Json;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

/// <summary>
/// The acceptance story, through the API alone and the real Webhook plugin: a destination refuses every
/// record once with 503, the background job records 20 transient failures, and Retry All delivers each
/// exactly once, with the sync log linking every failure to the retry that resolved it.
/// </summary>
public sealed class WebhookRetryAllTests
{
    private const int RecordCount = 20;
    private const string Slug = "webhook-books";

    [Fact]
    public async Task RetryAll_WebhookRefusedEveryRecordOnce_DeliversEachExactlyOnce()
    {
        await using var server = new FlakyWebhookServer();
        await using var factory = new SyncHubWebFactory();
        factory.Settings["SyncHub:Delivery:BackgroundEnabled"] = "true";
        using var api = factory.CreateApiClient();

        await api.CreateIntegrationAsync(Slug, "webhook", $$"""{"url": "{{server.HookUrl}}"}""", """{"baseDelaySeconds": 3600}""");
        for (var i = 0; i < RecordCount; i++)
        {
            await api.IngestAsync(Slug, $"INV-{i:000}", $$"""{"number": {{i}}, "amount": {{100 + i}}}""");
        }

        var failed = await Eventually.MatchesAsync(
            () => api.GetJsonAsync($"/api/v1/integrations/{Slug}/records?status=failed&limit=200"),
            page => page.GetProperty("items").GetArrayLength() == RecordCount,
            $"{RecordCount} records to fail on their first delivery");
        foreach (var item in failed.GetProperty("items").EnumerateArray())
        {
            var error = item.GetProperty("lastError");
            error.GetProperty("class").GetString().ShouldBe("transient", item.ToString());
            error.GetProperty("httpStatus").GetInt32().ShouldBe(503, item.ToString());
        }

        using var retry = await api.PostJsonAsync($"/api/v1/integrations/{Slug}/records/retry", """{"all": true}""");
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());
        var accepted = await retry.ReadJsonAsync();
        accepted.GetProperty("total").GetInt32().ShouldBe(RecordCount, accepted.ToString());
        var operation = await api.WaitForOperationAsync(accepted.GetProperty("operationId").GetString()!);

        operation.GetProperty("succeeded").GetInt32().ShouldBe(RecordCount, operation.ToString());
        operation.GetProperty("failed").GetInt32().ShouldBe(0, operation.ToString());
        var counts = (await api.GetJsonAsync($"/api/v1/integrations/{Slug}")).GetProperty("counts");
        counts.GetProperty("delivered").GetInt32().ShouldBe(RecordCount);
        counts.GetProperty("failed").GetInt32().ShouldBe(0);
        server.RequestsWithoutKey.ShouldBe(0);
        server.Accepted.Count.ShouldBe(RecordCount);
        server.Accepted.Values.ShouldAllBe(accepts => accepts == 1);
        server.Seen.Values.ShouldAllBe(requests => requests == 2);
        foreach (var item in failed.GetProperty("items").EnumerateArray())
        {
            await ShouldBeResolvedByOneManualRetryAsync(api, item.GetProperty("id").GetInt64(), server);
        }
    }

    private static async Task ShouldBeResolvedByOneManualRetryAsync(HttpClient api, long id, FlakyWebhookServer server)
    {
        var record = await api.GetJsonAsync($"/api/v1/records/{id}");
        record.GetProperty("status").GetString().ShouldBe("delivered");
        var key = record.GetProperty("idempotencyKey").GetString()!;
        server.Accepted.GetValueOrDefault(key).ShouldBe(1, $"record {id} ({key})");
        record.GetProperty("externalId").GetString().ShouldBe($"ext-{key}");

        var attempts = record.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Count.ShouldBe(2, $"record {id}");
        var (first, manual) = (attempts[0], attempts[1]);
        first.GetProperty("trigger").GetString().ShouldBe("delivery");
        first.GetProperty("outcome").GetString().ShouldBe("failed");
        first.GetProperty("httpStatus").GetInt32().ShouldBe(503);
        first.GetProperty("status").GetString().ShouldBe("succeeded");
        first.GetProperty("resolvedBy").GetInt64().ShouldBe(manual.GetProperty("id").GetInt64());
        manual.GetProperty("trigger").GetString().ShouldBe("manualRetry");
        manual.GetProperty("outcome").GetString().ShouldBe("delivered");
        manual.GetProperty("httpStatus").GetInt32().ShouldBe(201);
        manual.GetProperty("retryOf").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
        manual.GetProperty("resolvedBy").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
