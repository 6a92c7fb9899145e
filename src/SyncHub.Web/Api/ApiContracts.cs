using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of the public API, one small record each; enums serialize as camelCase strings.
public sealed record CountsResponse(
    int Pending, int InFlight, int Delivered, int Failed, int DeadLetter, int Archived, int NeedsReview, int Skipped, int Blocked, int Dismissed);

public sealed record IntegrationResponse(
    string Slug, string Name, string Connector, bool ConnectorLoaded, CountsResponse Counts, BreakerResponse Breaker, BreakerResponse ConnectorBreaker,
    ConnectionState Connection, string? ConnectionNote, long? LastRunId, RunStatus? LastRunStatus, string? ConnectorProblem);

public sealed record IngestResponse(long Id, RecordStatus Status, bool Created);

public sealed record IngestBatchRequest(IReadOnlyList<Core.Records.IngestRequest?>? Records);

public sealed record IngestBatchResponse(IReadOnlyList<IngestResponse> Items);

public sealed record ErrorResponse(ErrorClass? Class, int? HttpStatus, string? Message);

public sealed record RecordListItem(
    long Id, string SourceId, string EntityType, RecordStatus Status, int RetryCount, ErrorResponse? LastError, DateTimeOffset? NextAutomaticRetryAt, DateTimeOffset? ArchivedAt);

public sealed record RecordListResponse(IReadOnlyList<RecordListItem> Items, string? Next);

public sealed record AttemptResponse(
    long Id, long? RetryOf, long? OriginalAttempt, AttemptTrigger Trigger, AttemptStatus Status, string Outcome,
    ErrorClass? ErrorClass, int? HttpStatus, string? Message, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, long? DurationMs, long? ResolvedBy);

public sealed record RecordResponse(
    long Id, string Integration, string EntityType, string SourceId, RecordStatus Status, int RetryCount,
    bool AutomaticRetriesExhausted, DateTimeOffset? NextAutomaticRetryAt, string? ExternalId, DateTimeOffset? ReconciledAt, string IdempotencyKey,
    ErrorResponse? LastError, JsonElement Payload, IReadOnlyList<AttemptResponse> Attempts);

public sealed record RetryRequest(long[]? Ids, bool? All, SyncHub.Connectors.ErrorClass? ErrorClass = null);

public sealed record RecordIdsRequest(long[]? Ids);

public sealed record DismissRequest(long[]? Ids, string? Reason);

/// <summary>Which of the requested records changed; the others did not qualify (wrong status, unknown, or another integration's).</summary>
public sealed record RecordActionResponse(IReadOnlyList<long> Changed, IReadOnlyList<long> Unchanged);

public sealed record OperationAcceptedResponse(Guid OperationId, int Total);

public sealed record OperationResponse(
    Guid Id, string Status, int Total, int Succeeded, int Failed, int Skipped, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    long? CanaryRecordId = null, string? Message = null, string? StartedBy = null);

/// <summary>Edit and retry: the corrected payload, and optionally the version it was edited from (a newer one is a 409).</summary>
public sealed record EditRetryRequest(JsonElement? Payload, int? PayloadVersion = null);

public sealed record EditRetryResponse(long Id, int PayloadVersion, RecordStatus Status, string Message);

public sealed record FailureGroupResponse(
    string Fingerprint, string Integration, ErrorClass? ErrorClass, int Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen,
    long SampleRecordId, string? SampleMessage, string Pattern);

public sealed record DismissGroupRequest(string? Reason);

public sealed record DismissGroupResponse(string Fingerprint, int Dismissed);
