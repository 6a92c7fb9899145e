using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class RecordActionsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Dismiss_DeadLetterWithReason_Returns200ListingWhatChangedAndAuditsTheKey()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "api-dismiss", 1);

        using var response = await api.PostJsonAsync("/api/v1/integrations/api-dismiss/records/dismiss", $$"""{"ids": [{{ids[0]}}, 987654], "reason": " Sent by hand "}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        body.GetProperty("changed").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([ids[0]]);
        body.GetProperty("unchanged").EnumerateArray().Select(e => e.GetInt64()).ShouldBe([987654L]);
        (await factory.RecordAsync(ids[0])).DismissReason.ShouldBe("Sent by hand");
        var audit = (await factory.AuditForAsync(ids[0])).ShouldHaveSingleItem();
        (audit.Action, audit.Actor, audit.Detail).ShouldBe(("record.dismiss", "configured key", "Sent by hand"));
        var dismissed = await api.GetJsonAsync("/api/v1/integrations/api-dismiss/records?status=dismissed");
        dismissed.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("dismissed");
    }

    [Theory]
    [InlineData("""{"ids": [1]}""", "reason")]
    [InlineData("""{"ids": [1], "reason": "   "}""", "reason")]
    [InlineData("""{"reason": "why"}""", "ids")]
    [InlineData("""{"ids": [], "reason": "why"}""", "ids")]
    [InlineData("""{"ids": "1", "reason": "why"}""", "ids")]
    public async Task Dismiss_BadInput_Returns400NamingTheField(string body, string field)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-bad");

        using var response = await api.PostJsonAsync("/api/v1/integrations/api-bad/records/dismiss", body);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task ArchiveThenRestore_FailedRecord_MovesItToTheArchivedListAndBack()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("api-archive");
        var ids = await factory.FailedRecordsAsync(api, "api-archive", 2);

        using var archive = await api.PostJsonAsync("/api/v1/integrations/api-archive/records/archive", $$"""{"ids": [{{ids[0]}}]}""");

        archive.StatusCode.ShouldBe(HttpStatusCode.OK, await archive.Content.ReadAsStringAsync());
        (await ListIdsAsync(api, "api-archive", "failed")).ShouldBe([ids[1]]);
        var archived = await api.GetJsonAsync("/api/v1/integrations/api-archive/records?status=archived");
        var item = archived.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("id").GetInt64().ShouldBe(ids[0]);
        item.GetProperty("status").GetString().ShouldBe("failed");
        item.GetProperty("archivedAt").GetString().ShouldNotBeNull();
        (await api.GetJsonAsync("/api/v1/integrations/api-archive")).GetProperty("counts").GetProperty("archived").GetInt32().ShouldBe(1);

        using var restore = await api.PostJsonAsync("/api/v1/integrations/api-archive/records/restore", $$"""{"ids": [{{ids[0]}}]}""");

        restore.StatusCode.ShouldBe(HttpStatusCode.OK, await restore.Content.ReadAsStringAsync());
        (await ListIdsAsync(api, "api-archive", "failed")).Order().ShouldBe(ids.Order());
        (await ListIdsAsync(api, "api-archive", "archived")).ShouldBeEmpty();
        (await factory.AuditForAsync(ids[0])).Select(a => a.Action).ShouldBe(["record.archive", "record.restore"]);
    }

    [Fact]
    public async Task List_DeadLetterStatus_ListsTheQueue()
    {
        using var api = factory.CreateApiClient();
        var ids = await factory.DeadLetterRecordsAsync(api, "api-dl-list", 2);

        (await ListIdsAsync(api, "api-dl-list", "deadLetter")).ShouldBe(ids.OrderDescending());
        (await ListIdsAsync(api, "api-dl-list", "failed")).ShouldBeEmpty();
        (await api.GetJsonAsync("/api/v1/integrations/api-dl-list")).GetProperty("counts").GetProperty("deadLetter").GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("deadLetter")]
    [InlineData("dismissed")]
    [InlineData("skipped")]
    [InlineData("archived")]
    [InlineData("ARCHIVED")]
    public async Task List_NewStatuses_AreAccepted(string status)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-statuses");

        using var response = await api.GetAsync($"/api/v1/integrations/api-statuses/records?status={status}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("buried")]
    [InlineData("4")]
    public async Task List_UnknownStatus_Returns400NamingStatus(string status)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-statuses");

        using var response = await api.GetAsync($"/api/v1/integrations/api-statuses/records?status={status}");

        await response.ShouldBeValidationProblemAsync("status");
    }

    [Theory]
    [InlineData("dismiss")]
    [InlineData("archive")]
    [InlineData("restore")]
    public async Task Action_UnknownIntegration_Returns404(string action)
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync($"/api/v1/integrations/no-such/records/{action}", """{"ids": [1], "reason": "x"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Archive_PendingRecord_IsReportedUnchanged()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("api-pending");
        var id = await api.IngestAsync("api-pending", "P-1");

        using var response = await api.PostJsonAsync("/api/v1/integrations/api-pending/records/archive", $$"""{"ids": [{{id}}]}""");

        var body = await response.ReadJsonAsync();
        body.GetProperty("changed").GetArrayLength().ShouldBe(0);
        body.GetProperty("unchanged")[0].GetInt64().ShouldBe(id);
        (await factory.RecordAsync(id)).Status.ShouldBe(RecordStatus.Pending);

        // Delivered now, so the next test's scripted failures are not spent on it.
        await factory.DeliverPendingAsync();
    }

    private static async Task<long[]> ListIdsAsync(HttpClient api, string slug, string status) =>
        [.. (await api.GetJsonAsync($"/api/v1/integrations/{slug}/records?status={status}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
}
