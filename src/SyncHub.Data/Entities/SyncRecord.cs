using SyncHub.Connectors;

namespace SyncHub.Data.Entities;

/// <summary>One record to deliver, identified by (integration, entity type, source id).</summary>
public sealed class SyncRecord
{
    public long Id { get; set; }

    public int IntegrationId { get; set; }

    public Integration? Integration { get; set; }

    public required string EntityType { get; set; }

    public required string SourceId { get; set; }

    /// <summary>The source payload as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>Incremented when the source sends a new version; part of the idempotency key.</summary>
    public int PayloadVersion { get; set; } = 1;

    /// <summary>Stable per record; with <see cref="PayloadVersion"/> it forms the idempotency key.</summary>
    public required string IdempotencyBase { get; set; }

    public RecordStatus Status { get; set; }

    /// <summary>Every retry (manual or automatic) after the first delivery attempt.</summary>
    public int RetryCount { get; set; }

    /// <summary>Automatic retries since the backoff timer last restarted.</summary>
    public int AutomaticRetryCount { get; set; }

    public bool AutomaticRetriesExhausted { get; set; }

    /// <summary>Sync runs whose attempt at the record failed since it was last delivered; the third makes it a dead letter.</summary>
    public int FailedRuns { get; set; }

    /// <summary>When a pending record is due, or when a failed record's next automatic retry runs.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public ErrorClass? LastErrorClass { get; set; }

    public int? LastHttpStatus { get; set; }

    public string? LastErrorMessage { get; set; }

    public DateTimeOffset? FirstFailedAt { get; set; }

    public DateTimeOffset? LastFailedAt { get; set; }

    /// <summary>The newest sync-log entry; the next retry references it.</summary>
    public long? LastAttemptId { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set while a worker holds the record; only the holder of the token may complete it.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>The node holding the claim; on a shared store its heartbeat is the claim's lease.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>The manual retry operation that has queued this record, if any; automatic retries leave it alone.</summary>
    public Guid? RetryOperationId { get; set; }

    /// <summary>When automatic processing gave up and the record entered the dead-letter queue.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }

    public DateTimeOffset? DismissedAt { get; set; }

    public string? DismissedBy { get; set; }

    public string? DismissReason { get; set; }

    /// <summary>Set while the record is archived: out of active views, history kept, restorable.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchivedBy { get; set; }

    /// <summary>
    /// The last attempt may have reached the destination without SyncHub learning the answer (timeout, reset,
    /// 5xx on a create): look the record up before sending it again.
    /// </summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>When the record was found at the destination by a look-up instead of being sent again.</summary>
    public DateTimeOffset? ReconciledAt { get; set; }

    /// <summary>The parent record this one depends on (same integration), for example an invoice's customer.</summary>
    public string? ParentEntityType { get; set; }

    public string? ParentSourceId { get; set; }

    /// <summary>The run that last brought this record in from the source, if it came from one.</summary>
    public long? RunId { get; set; }

    /// <summary>When the source last changed the record, as the source reported it.</summary>
    public DateTimeOffset? SourceChangedAt { get; set; }

    /// <summary>The fields the destination refused on the last attempt, as a JSON array of {field, message}.</summary>
    public string? FieldProblemsJson { get; set; }

    /// <summary>How the record reached the destination when it was not simply created, for example linked by email.</summary>
    public string? ResolutionNote { get; set; }

    /// <summary>Set when a duplicate review merged this record into another one; this one is then dismissed.</summary>
    public long? MergedIntoRecordId { get; set; }

    /// <summary>
    /// The cause of the last failure as a stable key: integration, error class and the message with ids, numbers
    /// and dates stripped. Records that failed for the same reason share it (a failure group).
    /// </summary>
    public string? ErrorFingerprint { get; set; }

    public string IdempotencyKey => $"{IdempotencyBase}.{PayloadVersion}";
}
