using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>The review list and page: candidates side by side, merge and keep apart for operators, read-only for viewers.</summary>
public sealed class DuplicateReviewPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly DuplicateCandidate[] Candidates =
    [
        new("SQ-1", "Ann Lee") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com", ["phone_number"] = "+15550001" } },
        new("SQ-2", "<img src=x onerror=alert(1)>") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com" } },
    ];

    [Fact]
    public async Task ReviewPage_ShowsTheRecordBesideTheCandidates_Encoded()
    {
        var (recordId, reviewId) = await ParkAsync("rv-show", "M-1");
        using var browser = await Browser.SignedInAsync(factory);

        var list = await browser.OpenAsync("/reviews");
        list.Single($"#review-{reviewId} a").GetAttribute("href").ShouldBe($"/reviews/{reviewId}");
        var page = await browser.OpenAsync($"/reviews/{reviewId}");

        page.Single("#candidate-0").TextContent.ShouldContain("Ann Lee");
        page.Single("#candidate-1").TextContent.ShouldContain("<img src=x onerror=alert(1)>");
        page.QuerySelector("img").ShouldBeNull();
        page.Single("#comparison").TextContent.ShouldContain("ann@example.com");
        page.QuerySelectorAll("input[name=survivor]").Length.ShouldBe(2);
        page.ShouldHave("#keep-apart");
        (await factory.RecordAsync(recordId)).Status.ShouldBe(RecordStatus.NeedsReview);
    }

    [Fact]
    public async Task Merge_FromThePage_LinksTheSurvivor_AndShowsTheDecision()
    {
        var (recordId, reviewId) = await ParkAsync("rv-merge", "M-2");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/reviews/{reviewId}");

        using var response = await browser.FormPostAsync($"/reviews/{reviewId}?handler=Merge", [new("survivor", "SQ-1")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.OpenAsync($"/reviews/{reviewId}");
        page.Single("#review-message").TextContent.ShouldContain("Merged into SQ-1");
        page.Single("#review-decision").TextContent.ShouldContain("Merged");
        page.QuerySelector("#merge").ShouldBeNull();
        var record = await factory.RecordAsync(recordId);
        (record.Status, record.ExternalId).ShouldBe((RecordStatus.Delivered, "SQ-1"));
    }

    [Fact]
    public async Task Merge_DestinationRefusesBeforehand_PageSaysWhy_AndTheReviewStaysOpen()
    {
        var (recordId, reviewId) = await ParkAsync("rv-refused", "M-4");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/reviews/{reviewId}");
        factory.Gateway.NextMergeCheck = MergeCheckResult.Refuse(ErrorClass.Authorization, "The token lacks <b>LOYALTY_WRITE</b>.");

        using var response = await browser.FormPostAsync($"/reviews/{reviewId}?handler=Merge", [new("survivor", "SQ-1")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.OpenAsync($"/reviews/{reviewId}");
        var message = page.Single("#review-message");
        message.TextContent.ShouldBe("Not merged, nothing was changed: The token lacks <b>LOYALTY_WRITE</b>.");
        message.QuerySelector("b").ShouldBeNull();
        message.ClassList.ShouldContain("flash");
        page.ShouldHave("#merge");
        (await factory.RecordAsync(recordId)).Status.ShouldBe(RecordStatus.NeedsReview);
    }

    [Fact]
    public async Task Viewer_SeesNoButtons_AndIsRefused()
    {
        var (recordId, reviewId) = await ParkAsync("rv-viewer", "M-3");
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        var page = await browser.OpenAsync($"/reviews/{reviewId}");
        page.QuerySelector("#merge").ShouldBeNull();
        page.QuerySelector("#keep-apart").ShouldBeNull();

        using var response = await browser.FormPostAsync($"/reviews/{reviewId}?handler=KeepApart");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await factory.RecordAsync(recordId)).Status.ShouldBe(RecordStatus.NeedsReview);
    }

    private async Task<(long RecordId, long ReviewId)> ParkAsync(string slug, string member)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync(slug);
        factory.Gateway.AnswerNextFor(member, DeliveryOutcome.PotentialDuplicate("Two customers share this email.", Candidates, 200));
        var recordId = await api.IngestAsync(slug, member, """{"email": "ann@example.com", "points": 10}""");
        await factory.DeliverPendingAsync();
        var reviews = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Duplicates.DuplicateReviewService>(factory.Services).ListAsync(true, slug, CancellationToken.None);
        return (recordId, reviews.Single().Id);
    }
}
