using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>One review in the list.</summary>
public sealed record DuplicateReviewRow(
    long Id, long RecordId, string IntegrationSlug, string IntegrationName, string EntityType, string SourceId,
    int CandidateCount, DuplicateReviewStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Outcome);
