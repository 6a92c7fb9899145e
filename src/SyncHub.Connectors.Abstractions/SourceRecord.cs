namespace SyncHub.Connectors;

/// <summary>One record read from a source.</summary>
/// <param name="EntityType">The kind of record, for example <c>invoice</c>.</param>
/// <param name="SourceId">Its id in the source; SyncHub de-duplicates on it.</param>
/// <param name="Payload">The record as a JSON object. Untrusted text.</param>
/// <param name="ChangedAt">When the source last changed it; runs order and checkpoint by it.</param>
public sealed record SourceRecord(string EntityType, string SourceId, string Payload, DateTimeOffset ChangedAt)
{
    /// <summary>The kind of the record this one depends on (for example an invoice's <c>customer</c>), if any.</summary>
    public string? ParentEntityType { get; init; }

    /// <summary>The source id of the record this one depends on, if any.</summary>
    public string? ParentSourceId { get; init; }
}
