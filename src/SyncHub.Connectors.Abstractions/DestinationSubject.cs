namespace SyncHub.Connectors;

/// <summary>One of SyncHub's records as it would be sent now: what reconciliation expects the destination to hold.</summary>
public sealed record DestinationSubject
{
    /// <summary>The integration the record belongs to.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The kind of record, for example <c>invoice</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The record's id in the system it came from.</summary>
    public required string SourceId { get; init; }

    /// <summary>
    /// The key the record's current version is (or would be) sent with; null when SyncHub does not hold the record yet
    /// (a source read found it), so nothing can have been sent with a key.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The record rendered by the integration's mapping: the JSON document a delivery would send.</summary>
    public required string Body { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }
}
