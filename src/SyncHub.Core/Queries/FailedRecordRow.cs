using SyncHub.Connectors;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>One row of the failed, dead-letter or archived list.</summary>
public sealed record FailedRecordRow(
    long Id,
    string IntegrationSlug,
    string IntegrationName,
    string EntityType,
    string SourceId,
    int RetryCount,
    ErrorClass? ErrorClass,
    int? HttpStatus,
    string? Message,
    DateTimeOffset? FirstFailedAt,
    DateTimeOffset? LastFailedAt,
    DateTimeOffset? NextAutomaticRetryAt,
    bool AutomaticRetriesExhausted,
    bool QueuedForRetry,
    RecordStatus Status,
    int Attempts,
    DateTimeOffset? ArchivedAt,
    string? ArchivedBy)
{
    /// <summary>The error class's short name, or null when the record never failed.</summary>
    public string? ErrorLabel => ErrorClass is { } value ? ErrorClassPolicy.Label(value) : null;

    public int IntegrationId { get; init; }

    /// <summary>
    /// What is true about the error, from the integration's recent attempts: their share that failed the same way, and
    /// the common pattern's hint when it holds (see <see cref="ErrorDiagnosis"/>). Null when the record never failed.
    /// </summary>
    public string? Diagnosis { get; init; }
}
