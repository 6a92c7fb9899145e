namespace SyncHub.Connectors;

/// <summary>A merge an administrator chose: the record, the body it will be delivered with, the survivor and the records merged away.</summary>
public sealed record MergeRequest
{
    /// <summary>SyncHub's id of the record being merged.</summary>
    public required long RecordId { get; init; }

    /// <summary>The integration the record belongs to.</summary>
    public required string IntegrationSlug { get; init; }

    /// <summary>The kind of record, for example <c>customer</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The record's id in the system it came from.</summary>
    public required string SourceId { get; init; }

    /// <summary>Stable for this merge of this record: derive the idempotency keys of the calls a transfer makes from it.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The record rendered by the integration's mapping with the merge's combined values (for example the summed points).</summary>
    public required string Body { get; init; }

    /// <summary>The integration's connector settings.</summary>
    public required ConnectorSettings Settings { get; init; }

    /// <summary>The destination record that survives and is linked to the record.</summary>
    public required string SurvivorExternalId { get; init; }

    /// <summary>
    /// Other destination records whose SyncHub records the merge absorbs: what they hold of the combined values moves
    /// to the survivor. Empty when the merge absorbs nothing or only records already delivered as the survivor.
    /// </summary>
    public IReadOnlyList<string> MergedExternalIds { get; init; } = [];
}
