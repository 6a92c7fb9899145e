using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

/// <summary>The audit log through the API: the page's filters, and keyset pages that neither repeat nor skip an entry.</summary>
public sealed class AuditApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task List_FilteredByTargetInPagesOfTwo_ReturnsEachEntryOnceNewestFirst()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("audited");
        for (var i = 0; i < 5; i++)
        {
            (await api.PostJsonAsync($"/api/v1/integrations/audited/{(i % 2 == 0 ? "pause" : "resume")}", $$"""{"reason": "window {{i}}"}""")).Dispose();
        }

        var seen = new List<long>();
        string? next = null;
        do
        {
            var page = await api.GetJsonAsync("/api/v1/audit?target=integration%20audited&limit=2" + (next is null ? "" : "&before=" + next));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(2);
            items.ShouldAllBe(e => e.GetProperty("target").GetString() == "integration audited");
            seen.AddRange(items.Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);

        seen.Count.ShouldBe(6); // created, then paused and resumed five times
        seen.ShouldBe(seen.OrderDescending().ToList());
        seen.Distinct().Count().ShouldBe(6);
        var paused = await api.GetJsonAsync("/api/v1/audit?action=integration.pause&target=integration%20audited");
        paused.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("label").GetString() == "Paused an integration");
        paused.GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task List_ToBeforeAnything_IsEmpty()
    {
        using var api = factory.CreateApiClient();

        var page = await api.GetJsonAsync("/api/v1/audit?to=2000-01-01");

        page.GetProperty("items").GetArrayLength().ShouldBe(0);
        page.GetProperty("next").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
