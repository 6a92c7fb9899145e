using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>One failed or skipped record of a run, for its error log, with where the record stands now.</summary>
/// <param name="RecordStatus">The record's status now (a dead letter once it failed in three runs).</param>
/// <param name="FailedRuns">Runs whose attempt at the record failed since it was last delivered.</param>
public sealed record RunLogEntry(
    long AttemptId, long RecordId, string EntityType, string SourceId, AttemptStatus Status, ErrorClass? ErrorClass, string? Message, DateTimeOffset At,
    RecordStatus RecordStatus, int FailedRuns);
