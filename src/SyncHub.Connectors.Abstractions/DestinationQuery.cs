namespace SyncHub.Connectors;

/// <summary>Which destination records to list: one entity type, changed (created or updated) at or after <see cref="ChangedFrom"/>.</summary>
public sealed record DestinationQuery
{
    /// <summary>The integration reconciling.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }

    /// <summary>The entity type to list, one of <see cref="ConnectorInfo.EntityTypes"/> or of the records compared.</summary>
    public required string EntityType { get; init; }

    /// <summary>
    /// Inclusive lower bound of the destination's change time. There is no upper bound: a record delivered late (after an
    /// outage) is created at the destination after the range it belongs to.
    /// </summary>
    public required DateTimeOffset ChangedFrom { get; init; }

    /// <summary>The cursor of the previous page, or null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>At most this many records per page.</summary>
    public int PageSize { get; init; } = 100;
}
