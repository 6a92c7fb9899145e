using SyncHub.Connectors;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// One failed attempt and what became of it; <see cref="ResolvedAt"/> is when the resolving attempt finished,
/// <see cref="ResolvedByAttemptId"/> and <see cref="ResolvedVersion"/> name it and the payload version it delivered.
/// </summary>
public sealed record RecentError(
    long AttemptId,
    DateTimeOffset At,
    string IntegrationSlug,
    string IntegrationName,
    ErrorClass ErrorClass,
    int? HttpStatus,
    string? Message,
    long RecordId,
    string EntityType,
    string SourceId,
    ErrorOutcome Outcome,
    DateTimeOffset? ResolvedAt,
    long? ResolvedByAttemptId = null,
    int? ResolvedVersion = null);
