using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Duplicates;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Duplicates;

/// <summary>A connector that finds several possible matches parks the record for review; an administrator merges or keeps it apart.</summary>
public sealed class DuplicateReviewTests
{
    private static readonly DuplicateCandidate[] Candidates =
    [
        new("SQ-1", "Ann Lee") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com", ["reference_id"] = "M-0007" } },
        new("SQ-2", "Ann Lee") { Fields = new Dictionary<string, string> { ["email_address"] = "ann@example.com" } },
    ];

    [Fact]
    public async Task PotentialDuplicate_WaitsForReview_NotRetriedNorSkipped()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await IngestMemberAsync(engine, "M-1002", 100);
        engine.Gateway.AnswerNextFor("M-1002", DeliveryOutcome.PotentialDuplicate("2 customers share this email.", Candidates, 200));

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.NeedsReview);
        record.NextAttemptAt.ShouldBeNull();
        var review = (await Reviews(engine).ListAsync(open: true, null, CancellationToken.None)).ShouldHaveSingleItem();
        review.RecordId.ShouldBe(id);
        review.CandidateCount.ShouldBe(2);
    }

    [Fact]
    public async Task Merge_LinksTheSurvivor_CombinesPoints_MovesHistory_InvalidatesTheOldRecord()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var old = await IngestMemberAsync(engine, "M-0007", 30);
        engine.Gateway.AnswerNextFor("M-0007", DeliveryOutcome.Delivered("SQ-1", 201));
        await DeliverAllAsync(engine);
        var purchase = await engine.IngestAsync("books", "P-1", """{"total": 9.5}""", "purchase");
        await ReparentAsync(engine, purchase, "member", "M-0007");
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);

        var result = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops@example.com", CancellationToken.None);

        result.Outcome.ShouldBe(DuplicateDecisionOutcome.Done, result.Message);
        var (request, survivor) = engine.Gateway.Links.ShouldHaveSingleItem();
        survivor.ShouldBe("SQ-1");
        JsonDocument.Parse(request.Body).RootElement.GetProperty("points").GetDecimal().ShouldBe(130);
        var merged = await engine.RecordAsync(request.RecordId);
        merged.Status.ShouldBe(RecordStatus.Delivered);
        merged.ExternalId.ShouldBe("SQ-1");
        var invalidated = await engine.RecordAsync(old);
        invalidated.Status.ShouldBe(RecordStatus.Dismissed);
        invalidated.MergedIntoRecordId.ShouldBe(merged.Id);
        (await engine.RecordAsync(purchase)).ParentSourceId.ShouldBe("M-1002");
        (await engine.AuditLogAsync()).ShouldContain(a => a.Action == "duplicate.merge" && a.Actor == "ops@example.com");
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Review.Status.ShouldBe(DuplicateReviewStatus.Merged);
        (await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops@example.com", CancellationToken.None)).Outcome.ShouldBe(DuplicateDecisionOutcome.NotOpen);
        var check = engine.Gateway.MergeChecks.ShouldHaveSingleItem();
        check.SurvivorExternalId.ShouldBe("SQ-1");
        check.MergedExternalIds.ShouldBeEmpty();
        JsonDocument.Parse(check.Body).RootElement.GetProperty("points").GetDecimal().ShouldBe(130);
        engine.Gateway.Transfers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_DestinationRefusesBeforehand_NothingChanges_AndThePageSaysWhy()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var old = await IngestMemberAsync(engine, "M-0007", 30);
        engine.Gateway.AnswerNextFor("M-0007", DeliveryOutcome.Delivered("SQ-2", 201));
        await DeliverAllAsync(engine);
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);
        var before = (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Record;
        engine.Gateway.NextMergeCheck = MergeCheckResult.Refuse(ErrorClass.Authorization, "The access token lacks LOYALTY_WRITE.");

        var result = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);

        result.Outcome.ShouldBe(DuplicateDecisionOutcome.Refused);
        result.Message.ShouldBe("Not merged, nothing was changed: The access token lacks LOYALTY_WRITE.");
        var check = engine.Gateway.MergeChecks.ShouldHaveSingleItem();
        check.SurvivorExternalId.ShouldBe("SQ-1");
        check.MergedExternalIds.ShouldBe(["SQ-2"]);
        JsonDocument.Parse(check.Body).RootElement.GetProperty("points").GetDecimal().ShouldBe(130, "the check sees the body the merge would deliver");
        engine.Gateway.Transfers.ShouldBeEmpty();
        engine.Gateway.Links.ShouldBeEmpty();
        var record = await engine.RecordAsync(before.Id);
        record.Status.ShouldBe(RecordStatus.NeedsReview);
        record.PayloadVersion.ShouldBe(before.PayloadVersion);
        record.Payload.ShouldBe(before.Payload);
        var untouched = await engine.RecordAsync(old);
        untouched.Status.ShouldBe(RecordStatus.Delivered);
        untouched.MergedIntoRecordId.ShouldBeNull();
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Review.Status.ShouldBe(DuplicateReviewStatus.Open);
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_ConnectorThrowsWhileChecking_RefusedWithTheReason_NothingChanges()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);
        engine.Gateway.NextMergeCheckThrows = new InvalidOperationException("plugin bug");

        var result = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);

        result.Outcome.ShouldBe(DuplicateDecisionOutcome.Refused);
        result.Message.ShouldBe("Not merged, nothing was changed: The connector failed: plugin bug");
        engine.Gateway.Links.ShouldBeEmpty();
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Record.Status.ShouldBe(RecordStatus.NeedsReview);
    }

    [Fact]
    public async Task Merge_AbsorbsARecordDeliveredAsAnotherCandidate_MovesItsValuesOffIt_ThenLinks()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await IngestMemberAsync(engine, "M-0007", 30);
        engine.Gateway.AnswerNextFor("M-0007", DeliveryOutcome.Delivered("SQ-2", 201));
        await DeliverAllAsync(engine);
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);
        engine.Gateway.NextTransferOutcome = DeliveryOutcome.Failed(ErrorClass.Authorization, "Square refused to adjust loyalty points (HTTP 403).", 403);

        var failed = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);

        failed.Outcome.ShouldBe(DuplicateDecisionOutcome.DeliveryFailed);
        failed.Message.ShouldBe("Not merged yet: Square refused to adjust loyalty points (HTTP 403). The review stays open; merge again to finish.");
        engine.Gateway.Links.ShouldBeEmpty("the survivor is linked only once the values left the merged records");
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Record.Status.ShouldBe(RecordStatus.NeedsReview);

        var again = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);

        again.Outcome.ShouldBe(DuplicateDecisionOutcome.Done, again.Message);
        engine.Gateway.Transfers.Select(t => t.MergedExternalIds.ShouldHaveSingleItem()).ShouldBe(["SQ-2", "SQ-2"]);
        engine.Gateway.Transfers.ShouldAllBe(t => t.SurvivorExternalId == "SQ-1" && t.Settings != null);
        var (link, survivor) = engine.Gateway.Links.ShouldHaveSingleItem();
        survivor.ShouldBe("SQ-1");
        JsonDocument.Parse(link.Body).RootElement.GetProperty("points").GetDecimal().ShouldBe(130);
    }

    [Fact]
    public async Task Merge_LinkRefused_ReviewStaysOpen_AndARetryDoesNotAddPointsTwice()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        await IngestMemberAsync(engine, "M-0007", 30);
        engine.Gateway.AnswerNextFor("M-0007", DeliveryOutcome.Delivered("SQ-1", 201));
        await DeliverAllAsync(engine);
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);
        engine.Gateway.NextLinkOutcome = DeliveryOutcome.Failed(ErrorClass.ServerError, "Square had a bad moment", 500);

        var failed = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);
        var again = await Reviews(engine).MergeAsync(reviewId, "SQ-1", "ops", CancellationToken.None);

        failed.Outcome.ShouldBe(DuplicateDecisionOutcome.DeliveryFailed);
        failed.Message.ShouldContain("Square had a bad moment");
        again.Outcome.ShouldBe(DuplicateDecisionOutcome.Done);
        engine.Gateway.Links.Select(l => JsonDocument.Parse(l.Request.Body).RootElement.GetProperty("points").GetDecimal()).ShouldBe([130m, 130m]);
    }

    [Fact]
    public async Task KeepApart_CreatesWithoutAnotherDuplicateSearch()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);

        var result = await Reviews(engine).KeepApartAsync(reviewId, "ops", CancellationToken.None);

        result.Outcome.ShouldBe(DuplicateDecisionOutcome.Done);
        engine.Gateway.Requests.Last().SkipDuplicateCheck.ShouldBeTrue();
        engine.Gateway.Links.ShouldBeEmpty();
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Review.Status.ShouldBe(DuplicateReviewStatus.KeptApart);
        (await engine.AuditLogAsync()).ShouldContain(a => a.Action == "duplicate.keep-apart");
    }

    [Fact]
    public async Task Merge_SurvivorNotACandidate_IsRefused_NothingChanges()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var reviewId = await ParkForReviewAsync(engine, "M-1002", 100);

        var result = await Reviews(engine).MergeAsync(reviewId, "SQ-999", "ops", CancellationToken.None);

        result.Outcome.ShouldBe(DuplicateDecisionOutcome.InvalidSurvivor);
        engine.Gateway.Links.ShouldBeEmpty();
        (await Reviews(engine).GetAsync(reviewId, CancellationToken.None))!.Record.Status.ShouldBe(RecordStatus.NeedsReview);
    }

    private static DuplicateReviewService Reviews(EngineHarness engine) => engine.Get<DuplicateReviewService>();

    private static Task<long> IngestMemberAsync(EngineHarness engine, string memberNumber, int points) =>
        engine.IngestAsync("books", memberNumber, $$"""{"email": "ann@example.com", "points": {{points}}}""", "member");

    private static async Task<long> ParkForReviewAsync(EngineHarness engine, string memberNumber, int points)
    {
        await IngestMemberAsync(engine, memberNumber, points);
        engine.Gateway.AnswerNextFor(memberNumber, DeliveryOutcome.PotentialDuplicate("2 customers share this email.", Candidates, 200));
        await DeliverAllAsync(engine);
        return (await Reviews(engine).ListAsync(open: true, null, CancellationToken.None)).Single().Id;
    }

    private static Task ReparentAsync(EngineHarness engine, long recordId, string parentType, string parentId) =>
        engine.WriteAsync(db => db.Records.Where(r => r.Id == recordId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ParentEntityType, parentType).SetProperty(r => r.ParentSourceId, parentId)));

    private static async Task DeliverAllAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }
}
