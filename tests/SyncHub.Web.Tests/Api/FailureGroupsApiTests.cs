using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class FailureGroupsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task GetGroups_TwoCauses_ListsThemLargestFirst()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-api-list");
        await factory.FailedRecordsAsync(api, "grp-api-list", 3);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-api-list", 2);

        var groups = await api.GetJsonAsync("/api/v1/failure-groups?integration=grp-api-list");

        groups.GetArrayLength().ShouldBe(2);
        groups[0].GetProperty("count").GetInt32().ShouldBe(3);
        groups[1].GetProperty("fingerprint").GetString().ShouldBe(await factory.GroupOfAsync(refused[0]));
        groups[1].GetProperty("errorClass").GetString().ShouldBe("validation");
        groups[1].GetProperty("integration").GetString().ShouldBe("grp-api-list");
        groups[1].GetProperty("pattern").GetString().ShouldBe("invoice <id> amount <n> refused");
    }

    [Fact]
    public async Task RetryGroup_Accepted_RetriesOnlyTheGroup()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-api-retry");
        var others = await factory.FailedRecordsAsync(api, "grp-api-retry", 4);
        var refused = await factory.RefusedInvoicesAsync(api, "grp-api-retry", 2);
        var group = await factory.GroupOfAsync(refused[0]);

        using var response = await api.PostAsync($"/api/v1/failure-groups/{group}/retry", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldStartWith("/api/v1/operations/");
        var operation = await api.WaitForOperationAsync((await response.ReadJsonAsync()).GetProperty("operationId").GetString()!);
        operation.GetProperty("total").GetInt32().ShouldBe(2);
        (await factory.RecordAsync(others[0])).Status.ShouldBe(RecordStatus.Failed);
        (await factory.RecordAsync(refused[1])).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public async Task DismissGroup_ReasonRequired_ThenDismissesAndAudits()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("grp-api-dismiss");
        var refused = await factory.RefusedInvoicesAsync(api, "grp-api-dismiss", 2);
        var group = await factory.GroupOfAsync(refused[0]);

        using var missing = await api.PostJsonAsync($"/api/v1/failure-groups/{group}/dismiss", "{}");
        await missing.ShouldBeValidationProblemAsync("reason");
        using var response = await api.PostJsonAsync($"/api/v1/failure-groups/{group}/dismiss", """{"reason": "Duplicates of manual entries"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("dismissed").GetInt32().ShouldBe(2);
        var record = await factory.RecordAsync(refused[1]);
        (record.Status, record.DismissReason).ShouldBe((RecordStatus.Dismissed, "Duplicates of manual entries"));
    }

    [Fact]
    public async Task GroupActions_UnknownFingerprint_Return404()
    {
        using var api = factory.CreateApiClient();

        using var retry = await api.PostAsync("/api/v1/failure-groups/0123456789abcdef/retry", null);
        using var dismiss = await api.PostJsonAsync("/api/v1/failure-groups/0123456789abcdef/dismiss", """{"reason": "x"}""");

        await retry.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await dismiss.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
