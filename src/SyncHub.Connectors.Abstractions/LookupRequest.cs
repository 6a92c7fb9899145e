namespace SyncHub.Connectors;

/// <summary>Which record to look for at the destination.</summary>
public sealed record LookupRequest
{
    /// <summary>SyncHub's id of the record.</summary>
    public required long RecordId { get; init; }

    /// <summary>The integration the record belongs to.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The kind of record, for example <c>invoice</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The record's id in the system it came from.</summary>
    public required string SourceId { get; init; }

    /// <summary>The key the earlier attempt was sent with; also SyncHub's external reference for the record.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }
}
