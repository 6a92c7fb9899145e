using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of the runs API; enums serialize as camelCase strings.
public sealed record StartRunRequest(RunMode? Mode, DateTimeOffset? From, DateTimeOffset? To, bool Confirm);

public sealed record RunCountsResponse(int Created, int Updated, int Skipped, int Failed);

public sealed record RunResponse(
    long Id, string Integration, RunTrigger Trigger, RunMode Mode, RunStatus Status, RunCountsResponse Counts,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? DurationSeconds, string? Note,
    DateTimeOffset? RangeFrom, DateTimeOffset? RangeTo, long? RetryOf, int RetryNumber, DateTimeOffset? NextRetryAt);

/// <param name="RecordStatus">Where the record stands now: <c>deadLetter</c> once it failed in three separate runs.</param>
/// <param name="FailedRuns">Runs whose attempt at the record failed since it was last delivered.</param>
public sealed record RunLogEntryResponse(long RecordId, string EntityType, string SourceId, AttemptStatus Status, ErrorClass? ErrorClass, string? Message, DateTimeOffset At, RecordStatus RecordStatus, int FailedRuns);

public sealed record RunDetailsResponse(RunResponse Run, IReadOnlyList<RunLogEntryResponse> ErrorLog);

public sealed record RunListResponse(IReadOnlyList<RunResponse> Items, string? Next);
