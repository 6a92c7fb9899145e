namespace SyncHub.Data.Entities;

/// <summary>One record a reconciliation found missing, different or extra at the destination, or could not compare.</summary>
public sealed class ReconcileDifference
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public ReconcileDifferenceKind Kind { get; set; }

    public required string EntityType { get; set; }

    /// <summary>The source id; null for an extra record, which has no source.</summary>
    public string? SourceId { get; set; }

    /// <summary>What both sides are matched on (the connector's reference). Untrusted text for extra records.</summary>
    public required string Reference { get; set; }

    /// <summary>SyncHub's record, when it holds one (no foreign key: differences are a snapshot, records live on).</summary>
    public long? RecordId { get; set; }

    /// <summary>The record's status when it was compared.</summary>
    public RecordStatus? RecordStatus { get; set; }

    /// <summary>The record's payload version when it was compared; a resync leaves a record that changed since.</summary>
    public int? PayloadVersion { get; set; }

    /// <summary>The destination's id and description of its copy. Untrusted text.</summary>
    public string? ExternalId { get; set; }

    public string? Label { get; set; }

    /// <summary>What differs, as a JSON array of <c>{"field", "source", "destination"}</c>, bounded. Untrusted text.</summary>
    public string? FieldsJson { get; set; }

    /// <summary>Why it could not be compared, or what else to know (a second copy, not in SyncHub yet).</summary>
    public string? Note { get; set; }

    /// <summary>Whether "Resync missing and different" takes it: missing, or different where a resend replaces the copy.</summary>
    public bool Resyncable { get; set; }

    /// <summary>The payload a source read returned, when SyncHub does not hold the record or holds another version.</summary>
    public string? SourcePayload { get; set; }

    public DateTimeOffset? SourceChangedAt { get; set; }

    public string? ParentEntityType { get; set; }

    public string? ParentSourceId { get; set; }

    public DifferenceResync Resync { get; set; }

    public string? ResyncNote { get; set; }

    public DateTimeOffset? ResyncAt { get; set; }
}
