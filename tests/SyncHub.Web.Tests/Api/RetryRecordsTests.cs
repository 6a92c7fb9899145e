using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class RetryRecordsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Retry_SelectedIds_Returns202AndOperationCompletesWithCounts()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("retry-ids");
        var ids = await factory.FailedRecordsAsync(api, "retry-ids", 3);
        factory.Gateway.ThenFail(ErrorClass.Transient, "Still down", 503);

        using var response = await api.PostJsonAsync("/api/v1/integrations/retry-ids/records/retry", $$"""{"ids": [{{ids[0]}}, {{ids[1]}}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonAsync();
        accepted.GetProperty("total").GetInt32().ShouldBe(2);
        var operationId = accepted.GetProperty("operationId").GetString()!;
        response.Headers.Location?.OriginalString.ShouldBe($"/api/v1/operations/{operationId}");
        var operation = await api.WaitForOperationAsync(operationId);
        operation.GetProperty("total").GetInt32().ShouldBe(2);
        operation.GetProperty("succeeded").GetInt32().ShouldBe(1);
        operation.GetProperty("failed").GetInt32().ShouldBe(1);
        operation.GetProperty("skipped").GetInt32().ShouldBe(0);
        var counts = (await api.GetJsonAsync("/api/v1/integrations/retry-ids")).GetProperty("counts");
        counts.GetProperty("delivered").GetInt32().ShouldBe(1);
        counts.GetProperty("failed").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Retry_All_RetriesEveryFailedRecordOfThatIntegrationOnly()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("retry-all");
        await api.CreateIntegrationAsync("retry-all-other");
        var ids = await factory.FailedRecordsAsync(api, "retry-all", 4);
        var other = await factory.FailedRecordsAsync(api, "retry-all-other", 2);

        using var response = await api.PostJsonAsync("/api/v1/integrations/retry-all/records/retry", """{"all": true}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonAsync();
        accepted.GetProperty("total").GetInt32().ShouldBe(4);
        var operation = await api.WaitForOperationAsync(accepted.GetProperty("operationId").GetString()!);
        operation.GetProperty("succeeded").GetInt32().ShouldBe(4);
        operation.GetProperty("failed").GetInt32().ShouldBe(0);
        foreach (var id in ids)
        {
            (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("status").GetString().ShouldBe("delivered");
        }

        foreach (var id in other)
        {
            (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("status").GetString().ShouldBe("failed");
        }
    }

    [Theory]
    [InlineData("""{"ids": [1], "all": true}""")]
    [InlineData("""{}""")]
    [InlineData("""{"all": false}""")]
    [InlineData("""{"ids": []}""")]
    public async Task Retry_BothOrNeitherIdsAndAll_Returns400(string json)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("retry-invalid");

        using var response = await api.PostJsonAsync("/api/v1/integrations/retry-invalid/records/retry", json);

        await response.ShouldBeValidationProblemAsync("ids");
    }

    [Fact]
    public async Task Retry_UnknownIntegration_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync("/api/v1/integrations/nowhere/records/retry", """{"all": true}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetOperation_UnknownId_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.GetAsync($"/api/v1/operations/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
