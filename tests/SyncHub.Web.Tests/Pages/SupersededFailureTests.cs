using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>The source sends a corrected version of a refused record; the old failure shows as superseded by it.</summary>
public sealed class SupersededFailureTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task NewerVersionDelivered_RecordPageAndRecentErrors_ShowTheFailureSupersededWithALinkToTheDelivery()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("superseded");
        factory.Gateway.ThenFail(ErrorClass.Validation, "Amount must be positive", 422);
        var id = await api.IngestAsync("superseded", "INV-1", """{"amount": -5}""");
        await factory.DeliverPendingAsync();
        (await api.IngestAsync("superseded", "INV-1", """{"amount": 5}""")).ShouldBe(id);
        await factory.DeliverPendingAsync();
        var attempts = (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("attempts").EnumerateArray()
            .Select(a => a.GetProperty("id").GetInt64()).ToList();
        attempts.Count.ShouldBe(2);
        using var browser = await Browser.SignedInAsync(factory);

        var record = await browser.OpenAsync($"/records/{id}");

        record.Single("#record-status").TextContent.Trim().ShouldBe("Delivered");
        var failed = record.Single($"#attempt-{attempts[0]}");
        failed.TextContent.ShouldContain("superseded");
        failed.TextContent.ShouldContain("Amount must be positive");
        var link = failed.QuerySelector("a.superseded-by").ShouldNotBeNull();
        link.GetAttribute("href").ShouldBe($"#attempt-{attempts[1]}");
        link.TextContent.ShouldContain("version 2");
        record.Single($"#attempt-{attempts[1]}").QuerySelector(".superseded").ShouldBeNull();

        using var response = await browser.HtmxGetAsync("/?handler=Errors");
        var feed = Html.Parse(await response.Content.ReadAsStringAsync());

        var item = feed.Single($"#feed-{attempts[0]}");
        var outcome = item.QuerySelector("a.feed-outcome").ShouldNotBeNull();
        outcome.TextContent.ShouldStartWith("superseded by version 2 at ");
        outcome.GetAttribute("href").ShouldBe($"/records/{id}#attempt-{attempts[1]}");
    }
}
