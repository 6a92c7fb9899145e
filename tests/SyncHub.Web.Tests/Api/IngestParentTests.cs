using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class IngestParentTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task ChildOfAFailedParent_IsBlocked_AndTheRecordPageSaysSo()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("parents");
        factory.Gateway.ThenFail(ErrorClass.Validation, "Customer email missing", 422);
        using (var parent = await api.PostJsonAsync("/api/v1/integrations/parents/records", """{"entityType": "customer", "sourceId": "C-9", "payload": {"name": "Acme"}}"""))
        {
            parent.IsSuccessStatusCode.ShouldBeTrue();
        }

        await factory.DeliverPendingAsync();
        using var response = await api.PostJsonAsync("/api/v1/integrations/parents/records",
            """{"entityType": "invoice", "sourceId": "I-9", "payload": {"amount": 5}, "parent": {"entityType": "customer", "sourceId": "C-9"}}""");
        var child = (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
        await factory.DeliverPendingAsync();

        var record = await api.GetJsonAsync($"/api/v1/records/{child}");
        record.GetProperty("status").GetString().ShouldBe("blocked");
        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync($"/records/{child}");
        page.Single("#record-parent").TextContent.ShouldContain("C-9");
        page.QuerySelector("#blocked-note").ShouldNotBeNull();
        factory.Gateway.RequestsFor(child).ShouldBeEmpty();
    }

    [Fact]
    public async Task Parent_WithoutSourceId_Is400NamingTheField()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("parents-bad");

        using var response = await api.PostJsonAsync("/api/v1/integrations/parents-bad/records",
            """{"entityType": "invoice", "sourceId": "I-1", "payload": {"amount": 5}, "parent": {"entityType": "customer"}}""");

        await response.ShouldBeValidationProblemAsync("parent.sourceId");
    }
}
