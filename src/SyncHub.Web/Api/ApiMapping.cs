using SyncHub.Core.Breakers;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

/// <summary>From engine results to API shapes.</summary>
internal static class ApiMapping
{
    public static IntegrationResponse ToResponse(IntegrationStatus status) => new(
        status.Slug, status.Name, status.Connector, status.ConnectorLoaded,
        new CountsResponse(
            status.Counts.Pending, status.Counts.InFlight, status.Counts.Delivered, status.Counts.Failed, status.Counts.DeadLetter, status.Counts.Archived,
            status.Counts.NeedsReview, status.Counts.Skipped, status.Counts.Blocked, status.Counts.Dismissed),
        ToResponse((status.Breakers ?? IntegrationBreakers.AllClosed).Integration),
        ToResponse((status.Breakers ?? IntegrationBreakers.AllClosed).Connector),
        status.Connection, status.ConnectionNote, status.LastRun?.Id, status.LastRun?.Status, status.ConnectorProblem);

    public static BreakerResponse ToResponse(BreakerSnapshot breaker) => new(
        breaker.State, breaker.State == BreakerState.Closed ? null : breaker.NextProbeAt, breaker.ConsecutiveFailures);

    public static RecordListItem ToListItem(FailedRecordRow row) => new(
        row.Id, row.SourceId, row.EntityType, row.Status, row.RetryCount,
        row.ErrorClass is null ? null : new ErrorResponse(row.ErrorClass, row.HttpStatus, row.Message),
        row.Status == RecordStatus.Failed ? row.NextAutomaticRetryAt : null, row.ArchivedAt);

    public static AttemptResponse ToResponse(SyncAttempt attempt) => new(
        attempt.Id, attempt.RetryOfAttemptId, attempt.OriginalAttemptId, attempt.Trigger, attempt.Status, OutcomeOf(attempt),
        attempt.ErrorClass, attempt.HttpStatus, attempt.Message, attempt.StartedAt, attempt.FinishedAt, attempt.DurationMs, attempt.ResolvedByAttemptId);

    public static OperationResponse ToResponse(RetryOperation operation) => new(
        operation.Id, operation.Status.ToString().ToLowerInvariant(),
        operation.Total, operation.Succeeded, operation.Failed, operation.Skipped, operation.CreatedAt, operation.CompletedAt,
        operation.CanaryRecordId, operation.Message, operation.StartedBy);

    /// <summary>What the attempt itself ended with; unlike its status, this never changes once written.</summary>
    public static string OutcomeOf(SyncAttempt attempt) => attempt.Status switch
    {
        AttemptStatus.InFlight => "inFlight",
        AttemptStatus.Interrupted => "interrupted",
        _ => attempt.ErrorClass is null ? "delivered" : "failed",
    };
}
