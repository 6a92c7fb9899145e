namespace SyncHub.Connectors;

/// <summary>Which source records to read: those that changed in [<see cref="ChangedFrom"/>, <see cref="ChangedTo"/>).</summary>
public sealed record SourceQuery
{
    /// <summary>The integration reading.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }

    /// <summary>Inclusive lower bound of the change time; null reads from the beginning.</summary>
    public DateTimeOffset? ChangedFrom { get; init; }

    /// <summary>Exclusive upper bound of the change time; null reads up to now.</summary>
    public DateTimeOffset? ChangedTo { get; init; }

    /// <summary>The cursor of the previous page, or null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>At most this many records per page.</summary>
    public int PageSize { get; init; } = 100;
}
