using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>A record with its whole sync log, oldest attempt first.</summary>
public sealed record RecordDetails(SyncRecord Record, string IntegrationSlug, string IntegrationName, IReadOnlyList<SyncAttempt> Attempts)
{
    /// <summary>The parent record this one depends on, when SyncHub holds it.</summary>
    public long? ParentRecordId { get; init; }

    public RecordStatus? ParentStatus { get; init; }
}
