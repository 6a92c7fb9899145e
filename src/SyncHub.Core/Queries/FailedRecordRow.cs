using SyncHub.Connectors;

namespace SyncHub.Core.Queries;

/// <summary>One row of the failed list.</summary>
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
    bool QueuedForRetry);
