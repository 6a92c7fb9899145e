using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// The state an answered attempt leaves its record and its sync-log entry in, computed from the claim's snapshot and the
/// destination's answer alone, before anything is written. The completion writes many of these with one statement per
/// table; a record the source changed meanwhile becomes pending again in that statement.
/// </summary>
internal sealed record PlannedRecord
{
    public required bool Delivered { get; init; }

    public required RecordStatus Status { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public required int RetryCount { get; init; }

    public required int AutomaticRetryCount { get; init; }

    public required bool AutomaticRetriesExhausted { get; init; }

    public required int FailedRuns { get; init; }

    public required bool OutcomeUnknown { get; init; }

    public required DeadLetterChange DeadLetter { get; init; }

    public string? ErrorFingerprint { get; init; }

    public string? FieldProblemsJson { get; init; }

    /// <summary>Delivered: the destination's id for the record (kept when it gave none).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Delivered: found by a look-up instead of being sent again.</summary>
    public bool Reconciled { get; init; }

    /// <summary>Failed: what the record's last error becomes.</summary>
    public ErrorClass? ErrorClass { get; init; }

    public int? HttpStatus { get; init; }

    public string? ErrorMessage { get; init; }

    public required AttemptStatus AttemptStatus { get; init; }

    public ErrorClass? AttemptErrorClass { get; init; }

    public string? AttemptMessage { get; init; }
}
