namespace SyncHub.Connectors;

/// <summary>One record to deliver.</summary>
public sealed record DeliveryRequest
{
    /// <summary>SyncHub's id of the record.</summary>
    public required long RecordId { get; init; }

    /// <summary>The integration the record belongs to; key per-integration state by it.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The kind of record, for example <c>invoice</c> or <c>customer</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The record's id in the system it came from.</summary>
    public required string SourceId { get; init; }

    /// <summary>
    /// Stable across every attempt of this record. Send it to the destination (for example as an
    /// <c>Idempotency-Key</c> header) so a repeated attempt never creates a second copy.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The record rendered by the integration's mapping: a JSON document.</summary>
    public required string Body { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }

    /// <summary>
    /// Create the record without searching the destination for a match, and without reporting one already there as a
    /// duplicate: true when an administrator reviewed the possible duplicates and decided this record is new, and for
    /// every record of an integration whose duplicate detection is off.
    /// </summary>
    public bool SkipDuplicateCheck { get; init; }

    /// <summary>1 for the first attempt, then counting up across every later attempt of the record.</summary>
    public int AttemptNumber { get; init; } = 1;
}
