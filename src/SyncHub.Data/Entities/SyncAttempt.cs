using SyncHub.Connectors;

namespace SyncHub.Data.Entities;

/// <summary>One entry of the sync log: a single delivery attempt of a record.</summary>
public sealed class SyncAttempt
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public int IntegrationId { get; set; }

    public AttemptTrigger Trigger { get; set; }

    public AttemptStatus Status { get; set; }

    /// <summary>The attempt this one retried (the record's previous attempt), or null for a first delivery.</summary>
    public long? RetryOfAttemptId { get; set; }

    /// <summary>The first attempt of the chain this one belongs to.</summary>
    public long? OriginalAttemptId { get; set; }

    /// <summary>For a failed entry later resolved: the retry attempt that delivered the record.</summary>
    public long? ResolvedByAttemptId { get; set; }

    public Guid? OperationId { get; set; }

    /// <summary>The sync run this attempt belonged to, if any.</summary>
    public long? RunId { get; set; }

    public int PayloadVersion { get; set; }

    /// <summary>What this attempt itself ended with; stays set when the entry is later resolved.</summary>
    public ErrorClass? ErrorClass { get; set; }

    public int? HttpStatus { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long? DurationMs { get; set; }
}
