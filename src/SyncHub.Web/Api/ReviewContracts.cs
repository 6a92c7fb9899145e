using System.Text.Json;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of the duplicate review; candidates' text comes from the destination and is untrusted.
public sealed record ReviewListItem(
    long Id, long RecordId, string Integration, string EntityType, string SourceId, int CandidateCount,
    DuplicateReviewStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Outcome);

public sealed record ReviewCandidateResponse(string ExternalId, string DisplayName, IReadOnlyDictionary<string, string> Fields);

public sealed record LinkedRecordResponse(long Id, string SourceId, string? ExternalId, RecordStatus Status);

public sealed record ReviewResponse(
    long Id, long RecordId, string Integration, string EntityType, string SourceId, RecordStatus RecordStatus, JsonElement Payload,
    DuplicateReviewStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Outcome,
    bool CanLink, IReadOnlyList<ReviewCandidateResponse> Candidates, IReadOnlyList<LinkedRecordResponse> LinkedRecords);

/// <summary>Merge: which candidate (its externalId) survives at the destination.</summary>
public sealed record MergeRequest(string? Survivor);

public sealed record ReviewDecisionResponse(long Id, long RecordId, DuplicateReviewStatus Status, string Message);
