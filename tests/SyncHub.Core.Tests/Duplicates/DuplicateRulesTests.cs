using Shouldly;
using SyncHub.Core.Duplicates;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Duplicates;

/// <summary>The rules of a duplicate decision, each on its own: which reviews can be decided, stored candidates, an absorbed record.</summary>
public sealed class DuplicateRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_NoReview_IsNotFound()
    {
        DuplicateReviewService.Check(null).ShouldNotBeNull().Outcome.ShouldBe(DuplicateDecisionOutcome.NotFound);
    }

    [Theory]
    [InlineData(DuplicateReviewStatus.Open, RecordStatus.NeedsReview, null)]
    [InlineData(DuplicateReviewStatus.Merged, RecordStatus.NeedsReview, DuplicateDecisionOutcome.NotOpen)]
    [InlineData(DuplicateReviewStatus.Open, RecordStatus.Delivered, DuplicateDecisionOutcome.NotOpen)]
    public void Check_ReviewAndRecordState_OnlyAnOpenReviewOfAWaitingRecordIsDecided(
        DuplicateReviewStatus review, RecordStatus record, DuplicateDecisionOutcome? expected)
    {
        var outcome = DuplicateReviewService.Check(Details(review, record))?.Outcome;

        outcome.ShouldBe(expected);
    }

    [Fact]
    public void StoredCandidates_UnreadableJson_CountsAsNone()
    {
        StoredCandidates.Parse("not json").ShouldBeEmpty();
        StoredCandidates.Parse("""[{"ExternalId":"C-1","DisplayName":"Ann","Fields":{}}]""").Single().ExternalId.ShouldBe("C-1");
    }

    [Fact]
    public void Invalidate_AbsorbedRecord_IsDismissedAsMergedAndLeavesEveryQueue()
    {
        var old = Record(4, RecordStatus.Failed);
        old.NextAttemptAt = Now;
        old.RetryOperationId = Guid.NewGuid();
        var survivor = Record(9, RecordStatus.NeedsReview);

        var change = LinkedRecordAbsorption.Invalidate(old, survivor, "admin", Now);

        (old.Status, old.MergedIntoRecordId, old.NextAttemptAt, old.RetryOperationId).ShouldBe((RecordStatus.Dismissed, 9L, null, null));
        old.DismissReason.ShouldBe("Merged into record 9 (S9).");
        (change.RecordId, change.Kind, change.Detail).ShouldBe((4L, RecordChangeKind.Merge, old.DismissReason));
    }

    private static DuplicateReviewDetails Details(DuplicateReviewStatus review, RecordStatus record) => new(
        new DuplicateReview { Id = 1, RecordId = 1, IntegrationId = 1, CandidatesJson = "[]", Status = review },
        Record(1, record), new Integration { Id = 1, Slug = "books", Name = "Books", Connector = "fake" }, [], []);

    private static SyncRecord Record(long id, RecordStatus status) => new()
    {
        Id = id, IntegrationId = 1, EntityType = "member", SourceId = $"S{id}", Payload = "{}", IdempotencyBase = $"i{id}", Status = status,
    };
}
