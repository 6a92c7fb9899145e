using System.Net;
using System.Text.Json;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class GetRecordTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Get_RecordRetriedOnce_ReturnsBothAttemptsWithLineage()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("lineage");
        var id = (await factory.FailedRecordsAsync(api, "lineage", 1, "Gateway timeout upstream"))[0];
        await api.WaitForOperationAsync(await api.StartRetryAsync("lineage", $$"""{"ids": [{{id}}]}"""));

        var record = await api.GetJsonAsync($"/api/v1/records/{id}");

        record.GetProperty("id").GetInt64().ShouldBe(id);
        record.GetProperty("integration").GetString().ShouldBe("lineage");
        record.GetProperty("status").GetString().ShouldBe("delivered");
        record.GetProperty("retryCount").GetInt32().ShouldBe(1);
        record.GetProperty("externalId").GetString().ShouldBe($"EXT-{id}");
        record.GetProperty("idempotencyKey").GetString().ShouldNotBeNullOrEmpty();
        record.GetProperty("payload").GetProperty("customer").GetString().ShouldBe("Acme Ltd");
        var attempts = record.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Count.ShouldBe(2);
        var (first, retry) = (attempts[0], attempts[1]);

        first.GetProperty("retryOf").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("trigger").GetString().ShouldBe("delivery");
        first.GetProperty("outcome").GetString().ShouldBe("failed");
        first.GetProperty("status").GetString().ShouldBe("succeeded");
        first.GetProperty("errorClass").GetString().ShouldBe("transient");
        first.GetProperty("httpStatus").GetInt32().ShouldBe(503);
        first.GetProperty("message").GetString().ShouldBe("Gateway timeout upstream");
        first.GetProperty("resolvedBy").GetInt64().ShouldBe(retry.GetProperty("id").GetInt64());

        retry.GetProperty("retryOf").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
        retry.GetProperty("trigger").GetString().ShouldBe("manualRetry");
        retry.GetProperty("outcome").GetString().ShouldBe("delivered");
        retry.GetProperty("status").GetString().ShouldBe("succeeded");
        retry.GetProperty("errorClass").ValueKind.ShouldBe(JsonValueKind.Null);
        retry.GetProperty("httpStatus").GetInt32().ShouldBe(201);
        retry.GetProperty("resolvedBy").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_RecordThatFailedTwiceThenDelivered_ChainsEveryAttemptToTheOneThatResolvedIt()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("chain");
        var id = (await factory.FailedRecordsAsync(api, "chain", 1))[0];
        factory.Gateway.ThenFail(ErrorClass.RateLimited, "Slow down", 429);
        await api.WaitForOperationAsync(await api.StartRetryAsync("chain", $$"""{"ids": [{{id}}]}"""));
        await api.WaitForOperationAsync(await api.StartRetryAsync("chain", $$"""{"ids": [{{id}}]}"""));

        var attempts = (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("attempts").EnumerateArray().ToList();

        attempts.Count.ShouldBe(3);
        var ids = attempts.Select(a => a.GetProperty("id").GetInt64()).ToList();
        attempts.Select(a => a.GetProperty("outcome").GetString()).ShouldBe(["failed", "failed", "delivered"]);
        attempts[1].GetProperty("errorClass").GetString().ShouldBe("rateLimited");
        attempts[1].GetProperty("retryOf").GetInt64().ShouldBe(ids[0]);
        attempts[2].GetProperty("retryOf").GetInt64().ShouldBe(ids[1]);
        attempts[2].GetProperty("originalAttempt").GetInt64().ShouldBe(ids[0]);
        attempts.ShouldAllBe(a => a.GetProperty("status").GetString() == "succeeded");
        attempts[0].GetProperty("resolvedBy").GetInt64().ShouldBe(ids[2]);
        attempts[1].GetProperty("resolvedBy").GetInt64().ShouldBe(ids[2]);
    }

    [Fact]
    public async Task Get_RecordWhoseLostCreateWasFoundByLookup_ShowsReconciledAtAndTheReconciledAttempt()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("reconciled", connector: "sandbox", settings: """{"script": ["lost"]}""");
        var id = await api.IngestAsync("reconciled", "INV-lost-1");
        await factory.DeliverPendingAsync();
        await api.WaitForOperationAsync(await api.StartRetryAsync("reconciled", $$"""{"ids": [{{id}}]}"""));

        var record = await api.GetJsonAsync($"/api/v1/records/{id}");

        record.GetProperty("status").GetString().ShouldBe("delivered");
        record.GetProperty("reconciledAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.MinValue);
        record.GetProperty("externalId").GetString().ShouldStartWith("SBX-");
        var attempts = record.GetProperty("attempts").EnumerateArray().ToList();
        attempts.Count.ShouldBe(2);
        attempts[0].GetProperty("errorClass").GetString().ShouldBe("transient");
        attempts[0].GetProperty("resolvedBy").GetInt64().ShouldBe(attempts[1].GetProperty("id").GetInt64());
        attempts[1].GetProperty("outcome").GetString().ShouldBe("delivered");
        attempts[1].GetProperty("message").GetString().ShouldBe(SyncOrchestrator.ReconciledMessage);

        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync($"/records/{id}");
        page.Single("#record-reconciled").TextContent.ShouldContain("Reconciled: found at the destination, not sent again");
    }

    [Fact]
    public async Task Get_RecordDeliveredNormally_ReconciledAtIsNull()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("plain");
        var id = await api.IngestAsync("plain", "INV-plain-1");
        await factory.DeliverPendingAsync();

        var record = await api.GetJsonAsync($"/api/v1/records/{id}");

        record.GetProperty("reconciledAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.GetAsync("/api/v1/records/987654321");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
