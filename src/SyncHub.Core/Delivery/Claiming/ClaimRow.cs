namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// What a claim reads of each record: what the attempt sends and what its completion needs to compute the record's next
/// state without reading it again. Times are the stored values (see <see cref="Data.Bookkeeping.StoredTime"/>).
/// </summary>
internal sealed class ClaimRow
{
    public long Id { get; set; }

    public int IntegrationId { get; set; }

    public string EntityType { get; set; } = "";

    public string SourceId { get; set; } = "";

    public string Payload { get; set; } = "";

    public int PayloadVersion { get; set; }

    public string IdempotencyBase { get; set; } = "";

    public int Status { get; set; }

    public int RetryCount { get; set; }

    public int AutomaticRetryCount { get; set; }

    public bool AutomaticRetriesExhausted { get; set; }

    public int FailedRuns { get; set; }

    public bool OutcomeUnknown { get; set; }

    public bool HasDeadLettered { get; set; }

    public bool HasFailed { get; set; }

    public long? LastAttemptId { get; set; }

    public bool Archived { get; set; }

    public Guid? RetryOperationId { get; set; }

    public string? ParentEntityType { get; set; }

    public string? ParentSourceId { get; set; }

    /// <summary>The key the destination deduplicates on; built once, as the send and the completion both read it.</summary>
    public string IdempotencyKey => _idempotencyKey ??= $"{IdempotencyBase}.{PayloadVersion}";

    private string? _idempotencyKey;
}
