using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>One difference as the page and the API show it (the stored source payload left out). Untrusted text throughout.</summary>
public sealed record DifferenceView(
    long Id, ReconcileDifferenceKind Kind, string EntityType, string? SourceId, string Reference, long? RecordId, RecordStatus? RecordStatus,
    string? ExternalId, string? Label, IReadOnlyList<FieldDifference> Fields, string? Note, bool Resyncable, DifferenceResync Resync, string? ResyncNote);
