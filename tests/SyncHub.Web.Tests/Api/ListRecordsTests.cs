using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class ListRecordsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task List_FailedInPagesOfTwo_ReturnsEveryRecordOnceNewestFirst()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("paged");
        var ids = await factory.FailedRecordsAsync(api, "paged", 5);

        var seen = new List<long>();
        var pages = 0;
        string? after = null;
        do
        {
            var url = "/api/v1/integrations/paged/records?status=failed&limit=2" + (after is null ? "" : $"&after={after}");
            var page = await api.GetJsonAsync(url);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(2);
            items.ShouldAllBe(i => i.GetProperty("status").GetString() == "failed");
            seen.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null && pages < 10);

        pages.ShouldBe(3);
        seen.ShouldBe(ids.OrderByDescending(id => id));
    }

    [Fact]
    public async Task List_FailedRecord_CarriesItsLastError()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("with-errors");
        var ids = await factory.FailedRecordsAsync(api, "with-errors", 1, "Upstream is down");

        var page = await api.GetJsonAsync("/api/v1/integrations/with-errors/records?status=failed");

        var item = page.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetInt64().ShouldBe(ids[0]);
        item.GetProperty("sourceId").GetString().ShouldBe("INV-with-errors-0");
        item.GetProperty("entityType").GetString().ShouldBe("invoice");
        item.GetProperty("retryCount").GetInt32().ShouldBe(0);
        var error = item.GetProperty("lastError");
        error.GetProperty("class").GetString().ShouldBe("transient");
        error.GetProperty("httpStatus").GetInt32().ShouldBe(503);
        error.GetProperty("message").GetString().ShouldBe("Upstream is down");
    }

    [Theory]
    [InlineData("status=broken", "status")]
    [InlineData("status=42", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    public async Task List_BadQuery_Returns400NamingTheParameter(string query, string parameter)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync( "bad-query");

        using var response = await api.GetAsync($"/api/v1/integrations/bad-query/records?{query}");

        await response.ShouldBeValidationProblemAsync(parameter);
    }

    [Fact]
    public async Task List_NonNumericLimit_Returns400()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync( "bad-query");

        using var response = await api.GetAsync("/api/v1/integrations/bad-query/records?limit=ten");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_UnknownIntegration_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.GetAsync("/api/v1/integrations/nowhere/records");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
