using System.Text.Json;

namespace SyncHub.Client;

// The API's shapes this client uses, as docs/openapi.json names them. Statuses and error classes stay strings, so a
// value a newer SyncHub adds does not break an older client.

/// <summary>A record to push: its entity type, the source system's id (the idempotency key with the integration) and payload.</summary>
public sealed record RecordToIngest(string EntityType, string SourceId, JsonElement Payload);

/// <summary>What ingest did with one record: its id, status and whether it was new.</summary>
public sealed record IngestResult(long Id, string Status, bool Created);

/// <summary>The batch answer: one result per record, in the order sent.</summary>
public sealed record IngestBatchResult(IReadOnlyList<IngestResult> Items);

/// <summary>A retry operation that started: its id (poll it) and how many records it holds.</summary>
public sealed record OperationStarted(Guid OperationId, int Total);

/// <summary>A retry operation: <see cref="Running"/>, <c>completed</c>, <c>cancelled</c> or <c>stopped</c> (its canary failed for a reason a person must fix).</summary>
public sealed record Operation(
    Guid Id, string Status, int Total, int Succeeded, int Failed, int Skipped, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    long? CanaryRecordId, string? Message, string? StartedBy)
{
    /// <summary>The status of an operation still at work.</summary>
    public const string Running = "running";
}

/// <summary>An integration's record counts per status.</summary>
public sealed record RecordCounts(int Pending, int InFlight, int Delivered, int Failed, int DeadLetter, int Archived, int NeedsReview);

/// <summary>An integration's status (the fields this client reads).</summary>
public sealed record Integration(string Slug, string Name, string Connector, bool ConnectorLoaded, RecordCounts Counts, string Connection);

/// <summary>A record's last error.</summary>
public sealed record RecordError(string? Class, int? HttpStatus, string? Message);

/// <summary>One record in a list.</summary>
public sealed record RecordSummary(
    long Id, string SourceId, string EntityType, string Status, int RetryCount, RecordError? LastError, DateTimeOffset? NextAutomaticRetryAt);

/// <summary>A page of records; pass <see cref="Next"/> as <c>after</c> for the next one.</summary>
public sealed record RecordPage(IReadOnlyList<RecordSummary> Items, string? Next);

/// <summary>An API error as SyncHub sends it (RFC 9457 problem details); <see cref="Errors"/> name the field or parameter of a 400.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
