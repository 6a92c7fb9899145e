using System.Net;
using Shouldly;
using SyncHub.Core.Reconciliation;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Reconciliation;

public sealed class ReconcileApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Reconcile_FindsTheLostAndTheEditedRecord_ResyncQueuesOnlyThem_AndDeliveryFillsTheGap()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "recon-api", "RA-1", "RA-2", "RA-3");
        factory.Destination.Lose("RA-1").Change("RA-2", "amount", "13");

        var started = await Reconciliations.StartAsync(api, "recon-api");
        var id = started.GetProperty("id").GetInt64();
        var compared = await Reconciliations.WaitForComparisonAsync(api, id);

        compared.GetProperty("status").GetString().ShouldBe("completed");
        compared.GetProperty("mode").GetString().ShouldBe("list");
        var counts = compared.GetProperty("counts");
        (counts.GetProperty("missing").GetInt32(), counts.GetProperty("different").GetInt32(), counts.GetProperty("matching").GetInt32()).ShouldBe((1, 1, 1));
        compared.GetProperty("resync").GetProperty("resyncable").GetInt32().ShouldBe(2);
        var different = (await api.GetJsonAsync($"/api/v1/reconciliations/{id}/differences?kind=different")).GetProperty("items").EnumerateArray().Single();
        different.GetProperty("sourceId").GetString().ShouldBe("RA-2");
        var field = different.GetProperty("fields").EnumerateArray().Single();
        (field.GetProperty("field").GetString(), field.GetProperty("source").GetString(), field.GetProperty("destination").GetString()).ShouldBe(("amount", "12.5", "13"));

        using var resync = await api.PostAsync($"/api/v1/reconciliations/{id}/resync", null);
        resync.StatusCode.ShouldBe(HttpStatusCode.Accepted, await resync.Content.ReadAsStringAsync());
        var resynced = await Reconciliations.WaitForResyncAsync(api, id);
        resynced.GetProperty("resync").GetProperty("queued").GetInt32().ShouldBe(2);
        resynced.GetProperty("resync").GetProperty("waiting").GetInt32().ShouldBe(2);
        var before = factory.Destination.Deliveries.Count;
        await factory.DeliverPendingAsync();

        factory.Destination.Deliveries.Skip(before).Select(d => d.SourceId).Order().ShouldBe(["RA-1", "RA-2"]);
        var after = await api.GetJsonAsync($"/api/v1/reconciliations/{id}");
        (after.GetProperty("resync").GetProperty("delivered").GetInt32(), after.GetProperty("resync").GetProperty("waiting").GetInt32()).ShouldBe((2, 0));
        var list = await api.GetJsonAsync("/api/v1/integrations/recon-api/reconciliations");
        list.GetProperty("items")[0].GetProperty("id").GetInt64().ShouldBe(id);
    }

    [Fact]
    public async Task Reconcile_IsAuditedLikeOtherActions()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "recon-audit", "AU-1");
        factory.Destination.Lose("AU-1");
        var id = (await Reconciliations.StartAsync(api, "recon-audit")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);
        (await api.PostAsync($"/api/v1/reconciliations/{id}/resync", null)).Dispose();
        await Reconciliations.WaitForResyncAsync(api, id);

        using var browser = await Browser.SignedInAsync(factory);
        var audit = await browser.OpenAsync($"/audit?Filter.Target={Uri.EscapeDataString(ReconcileAuditActions.Target(id))}");

        var text = audit.Single("#audit-list").TextContent;
        text.ShouldContain("Started a reconciliation");
        text.ShouldContain("Resynced a reconciliation's gaps");
    }

    [Fact]
    public async Task Start_WithoutTo_Is400NamingTo()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("recon-no-to");

        using var response = await api.PostJsonAsync("/api/v1/integrations/recon-no-to/reconciliations", """{"from": "2026-03-01T00:00:00Z"}""");

        await response.ShouldBeValidationProblemAsync("to");
    }

    [Fact]
    public async Task Start_OnAConnectorThatCannotReadItsDestination_Is400NamingTheIntegration()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("recon-fake");

        using var response = await api.PostJsonAsync("/api/v1/integrations/recon-fake/reconciliations", """{"from": "2026-03-01T00:00:00Z", "to": "2026-03-02T00:00:00Z"}""");

        await response.ShouldBeValidationProblemAsync("integration");
    }

    [Fact]
    public async Task Differences_UnknownKind_Is400NamingKind()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "recon-kind", "KI-1");
        var id = (await Reconciliations.StartAsync(api, "recon-kind")).GetProperty("id").GetInt64();

        using var response = await api.GetAsync($"/api/v1/reconciliations/{id}/differences?kind=lost");

        await response.ShouldBeValidationProblemAsync("kind");
    }

    [Fact]
    public async Task ResyncAndCancel_OnAnEndedReconciliationWithNothingToDo_Are409()
    {
        using var api = factory.CreateApiClient();
        await factory.DeliveredAsync(api, "recon-409", "NC-1");
        var id = (await Reconciliations.StartAsync(api, "recon-409")).GetProperty("id").GetInt64();
        await Reconciliations.WaitForComparisonAsync(api, id);

        using var resync = await api.PostAsync($"/api/v1/reconciliations/{id}/resync", null);
        using var cancel = await api.PostAsync($"/api/v1/reconciliations/{id}/cancel", null);

        await resync.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await cancel.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UnknownReconciliationOrIntegration_Is404()
    {
        using var api = factory.CreateApiClient();

        using var run = await api.GetAsync("/api/v1/reconciliations/987654");
        using var differences = await api.GetAsync("/api/v1/reconciliations/987654/differences");
        using var list = await api.GetAsync("/api/v1/integrations/nope/reconciliations");

        await run.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await differences.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await list.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reconcile_AWebhookThroughItsLookupUrl_FindsTheRecordTheReceiverLost_AndResyncPostsItAgain()
    {
        await using var receiver = new LoopbackReceiver();
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("recon-hook", "webhook", $$"""{"url": "{{receiver.HookUrl}}", "lookupUrl": "{{receiver.LookupTemplate}}"}""");
        await api.IngestAsync("recon-hook", "WH-1", """{"ref": "WH-1", "amount": 10}""");
        await api.IngestAsync("recon-hook", "WH-2", """{"ref": "WH-2", "amount": 20}""");
        await factory.DeliverPendingAsync();
        receiver.Lose("WH-1");
        receiver.Replace("WH-2", """{"ref": "WH-2", "amount": 25}""");

        var id = (await Reconciliations.StartAsync(api, "recon-hook")).GetProperty("id").GetInt64();
        var compared = await Reconciliations.WaitForComparisonAsync(api, id);
        (await api.PostAsync($"/api/v1/reconciliations/{id}/resync", null)).Dispose();
        await Reconciliations.WaitForResyncAsync(api, id);
        await factory.DeliverPendingAsync();

        compared.GetProperty("mode").GetString().ShouldBe("lookup");
        var counts = compared.GetProperty("counts");
        (counts.GetProperty("missing").GetInt32(), counts.GetProperty("different").GetInt32(), counts.GetProperty("extra").GetInt32()).ShouldBe((1, 1, 0));
        receiver.Posted.ShouldBe(["WH-1", "WH-2", "WH-1", "WH-2"], ignoreOrder: true);
        receiver.Held.Order().ShouldBe(["WH-1", "WH-2"]);
        var again = await Reconciliations.WaitForComparisonAsync(api, (await Reconciliations.StartAsync(api, "recon-hook")).GetProperty("id").GetInt64());
        again.GetProperty("counts").GetProperty("matching").GetInt32().ShouldBe(2);
    }
}
