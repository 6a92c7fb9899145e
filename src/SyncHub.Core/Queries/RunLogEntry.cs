using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>One failed or skipped record of a run, for its error log.</summary>
public sealed record RunLogEntry(long AttemptId, long RecordId, string EntityType, string SourceId, AttemptStatus Status, ErrorClass? ErrorClass, string? Message, DateTimeOffset At);
