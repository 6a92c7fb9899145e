using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>A record with its whole sync log, oldest attempt first, and the changes made to it.</summary>
public sealed record RecordDetails(SyncRecord Record, string IntegrationSlug, string IntegrationName, IReadOnlyList<SyncAttempt> Attempts)
{
    /// <summary>The parent record this one depends on, when SyncHub holds it.</summary>
    public long? ParentRecordId { get; init; }

    public RecordStatus? ParentStatus { get; init; }

    /// <summary>Edits and automatic fixes, newest first, without the previous payloads.</summary>
    public IReadOnlyList<RecordChange> Changes { get; init; } = [];
}
