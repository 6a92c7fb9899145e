using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

/// <summary>The duplicate review through the API: candidates as stored, the survivor checked, a decision taken once and audited.</summary>
public sealed class ReviewsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly DuplicateCandidate[] Candidates =
    [
        new("SQ-1", "Ann Lee") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com" } },
        new("SQ-2", "<img src=x onerror=alert(1)>") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com" } },
    ];

    [Fact]
    public async Task Merge_UnknownSurvivorThenCandidate_400ThenMergedOnceAndAudited()
    {
        using var api = factory.CreateApiClient();
        var id = await ReviewAsync(api, "merge-members", "M-1");

        var review = await api.GetJsonAsync($"/api/v1/reviews/{id}");
        using var wrong = await api.PostJsonAsync($"/api/v1/reviews/{id}/merge", """{"survivor": "SQ-9"}""");
        using var merged = await api.PostJsonAsync($"/api/v1/reviews/{id}/merge", """{"survivor": "SQ-1"}""");
        using var twice = await api.PostJsonAsync($"/api/v1/reviews/{id}/merge", """{"survivor": "SQ-1"}""");

        review.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("displayName").GetString())
            .ShouldBe(["Ann Lee", "<img src=x onerror=alert(1)>"]); // JSON carries the text as it is; pages encode it
        review.GetProperty("status").GetString().ShouldBe("open");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await wrong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("survivor", out _).ShouldBeTrue();
        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        (await merged.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("merged");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await api.GetJsonAsync("/api/v1/reviews?status=decided&integration=merge-members")).EnumerateArray()
            .ShouldHaveSingleItem().GetProperty("decidedBy").GetString().ShouldBe("configured key");
        (await api.GetJsonAsync("/api/v1/audit?action=duplicate.merge")).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task KeepApart_OpenReview_DeliversTheRecordAndLeavesTheOpenList()
    {
        using var api = factory.CreateApiClient();
        var id = await ReviewAsync(api, "apart-members", "A-1");

        using var kept = await api.PostAsync($"/api/v1/reviews/{id}/keep-apart", null);

        kept.StatusCode.ShouldBe(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync());
        (await kept.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("keptApart");
        (await api.GetJsonAsync("/api/v1/reviews?integration=apart-members")).GetArrayLength().ShouldBe(0);
        (await api.GetJsonAsync("/api/v1/integrations/apart-members")).GetProperty("counts").GetProperty("delivered").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Get_UnknownReview_Returns404Problem()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.GetAsync("/api/v1/reviews/424242");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<long> ReviewAsync(HttpClient api, string slug, string member)
    {
        await api.CreateIntegrationAsync(slug);
        using var ingested = await api.PostJsonAsync($"/api/v1/integrations/{slug}/records",
            $$"""{"entityType": "customer", "sourceId": "{{member}}", "payload": {"name": "Ann Lee", "email": "ann@example.com"} }""");
        ingested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        factory.Gateway.AnswerNextFor(member, DeliveryOutcome.PotentialDuplicate("Two customers share this email.", Candidates, 200));
        await factory.DeliverPendingAsync();
        return (await api.GetJsonAsync($"/api/v1/reviews?integration={slug}")).EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetInt64();
    }
}
