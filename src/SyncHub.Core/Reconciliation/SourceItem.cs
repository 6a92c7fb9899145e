using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// One record of the source side: a record SyncHub holds (<see cref="RecordId"/> set), a source read's record, or both.
/// <see cref="Payload"/> is what is compared: the source read's when there is one, else SyncHub's.
/// </summary>
internal sealed record SourceItem(string EntityType, string SourceId, string Payload)
{
    public long? RecordId { get; init; }

    public RecordStatus? Status { get; init; }

    public int? PayloadVersion { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The source read's payload when SyncHub does not hold the record or holds another version of it.</summary>
    public string? SourcePayload { get; init; }

    public DateTimeOffset? SourceChangedAt { get; init; }

    public string? ParentEntityType { get; init; }

    public string? ParentSourceId { get; init; }

    /// <summary>Why the record cannot be compared (a source record of the wrong shape), if so.</summary>
    public string? Problem { get; init; }
}
