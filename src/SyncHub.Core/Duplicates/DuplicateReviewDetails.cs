using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>A review with what the administrator compares: the record, the destination's candidates, and SyncHub's records already linked to them.</summary>
public sealed record DuplicateReviewDetails(
    DuplicateReview Review, SyncRecord Record, Integration Integration, IReadOnlyList<StoredCandidate> Candidates, IReadOnlyList<SyncRecord> LinkedRecords)
{
    /// <summary>Whether the record's connector can link to an existing destination record.</summary>
    public bool CanLink { get; init; }
}
