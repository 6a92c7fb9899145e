using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Mapping;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;
using static SyncHub.Core.Text.TextClip;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// Decides what an answered attempt does to its record, from the claim's snapshot and the answer alone: delivered; or
/// failed, with the error class's treatment (backoff retry within the integration's budget, a fixed delay, none, or the
/// dead-letter queue once the budget is spent); skipped (schema mismatch, or a duplicate with duplicate detection on); or
/// waiting for a duplicate review. A record fed by sync runs also becomes a dead letter once it failed in
/// <see cref="RunFailureLimit"/> separate runs, whatever its class. A manual retry restarts the backoff timer, an automatic one moves it one step on.
/// </summary>
internal sealed class OutcomePlanner(BackoffCalculator backoff)
{
    public const string ReconciledMessage = "Found at the destination by look-up; not sent again (reconciled).";
    public const int MaxMessageLength = 2000;

    /// <summary>Separate sync runs a record may fail in before it becomes a dead letter.</summary>
    public const int RunFailureLimit = 3;
    private const string LookupFailedPrefix = "Look-up before sending again failed: ";
    private const int MaxFieldProblems = 20;
    private const int MaxNoteLength = 2000;

    public PlannedRecord Plan(ClaimedRecord work, DeliveryOutcome outcome, ResendGuard guard, MappingResult mapping, DateTimeOffset now)
    {
        var record = work.Record;
        var retryCount = work.Trigger == AttemptTrigger.Delivery ? record.RetryCount : record.RetryCount + 1;
        var problems = outcome.FieldProblems.Count == 0 ? null : SerializeProblems(outcome.FieldProblems);
        var planned = outcome.IsDelivered
            ? Delivered(record, outcome, guard, mapping, retryCount)
            : Failed(work, outcome, guard, retryCount, now);
        planned = planned with { FieldProblemsJson = problems };
        if (outcome.DuplicateCandidates.Count > 0)
        {
            planned = planned with { Status = RecordStatus.NeedsReview, NextAttemptAt = null };
        }

        return planned;
    }

    private static PlannedRecord Delivered(ClaimRow record, DeliveryOutcome outcome, ResendGuard guard, MappingResult mapping, int retryCount)
    {
        var found = guard.Step == LookupStep.Found;
        var message = found ? ReconciledMessage : null;
        if (mapping.DefaultedFields.Count > 0)
        {
            var note = Clip($"Delivered with mapping defaults for: {string.Join(", ", mapping.DefaultedFields)}. The source values failed the mapping: {mapping.SourceValuesError}", MaxNoteLength);
            message = message is null ? note : message + " " + note;
        }

        return new PlannedRecord
        {
            Delivered = true,
            Status = RecordStatus.Delivered,
            RetryCount = retryCount,
            AutomaticRetryCount = 0,
            AutomaticRetriesExhausted = false,
            FailedRuns = 0,
            OutcomeUnknown = false,
            DeadLetter = DeadLetterChange.Clear,
            ExternalId = Clip(outcome.ExternalId, 200),
            Reconciled = found,
            AttemptStatus = AttemptStatus.Succeeded,
            AttemptMessage = message,
        };
    }

    private PlannedRecord Failed(ClaimedRecord work, DeliveryOutcome outcome, ResendGuard guard, int retryCount, DateTimeOffset now)
    {
        var (record, integration) = (work.Record, work.Integration.Entity);
        var message = Clip(outcome.Message, MaxMessageLength) ?? ErrorClassPolicy.Label(outcome.ErrorClass);
        if (guard.Step == LookupStep.Failed)
        {
            message = Clip(LookupFailedPrefix + message, MaxMessageLength)!;
        }

        // Only an answer from the destination settles whether an earlier send landed; the guard knows.
        var failed = new PlannedRecord
        {
            Delivered = false,
            Status = RecordStatus.Failed,
            RetryCount = retryCount,
            AutomaticRetryCount = record.AutomaticRetryCount,
            AutomaticRetriesExhausted = record.AutomaticRetriesExhausted,
            FailedRuns = record.FailedRuns,
            OutcomeUnknown = guard.OutcomeUnknown,
            DeadLetter = DeadLetterChange.Keep,
            ErrorFingerprint = ErrorFingerprint.For(record.IntegrationId, outcome.ErrorClass, message),
            ErrorClass = outcome.ErrorClass,
            HttpStatus = outcome.HttpStatus,
            ErrorMessage = message,
            AttemptStatus = AttemptStatus.Failed,
            AttemptErrorClass = outcome.ErrorClass,
            AttemptMessage = message,
        };

        if (outcome.DuplicateCandidates.Count == 0 && IsSkipped(outcome.ErrorClass, integration))
        {
            return failed with { Status = RecordStatus.Skipped, AttemptStatus = AttemptStatus.Skipped };
        }

        if (work.Trigger == AttemptTrigger.Run && outcome.DuplicateCandidates.Count == 0 && record.FailedRuns + 1 >= RunFailureLimit)
        {
            // A record fed by sync runs that failed in this many separate runs is a dead letter whatever the class:
            // runs leave it alone until someone retries, edits or dismisses it.
            return failed with { Status = RecordStatus.DeadLetter, FailedRuns = record.FailedRuns + 1, AutomaticRetriesExhausted = true, DeadLetter = DeadLetterChange.Set };
        }

        if (work.Trigger == AttemptTrigger.Run)
        {
            failed = failed with { FailedRuns = record.FailedRuns + 1 };
        }

        var automaticRetries = work.Trigger switch
        {
            AttemptTrigger.ManualRetry => 0,
            AttemptTrigger.AutomaticRetry => record.AutomaticRetryCount + 1,
            _ => record.AutomaticRetryCount,
        };
        var treatment = ErrorClassPolicy.For(outcome.ErrorClass);
        var policy = integration.Retry;
        var budget = Math.Min(policy.MaxAutomaticAttempts, treatment.RetryLimit ?? int.MaxValue);
        failed = failed with { AutomaticRetryCount = automaticRetries };
        if (treatment.Retry == RetryTreatment.None)
        {
            return failed with { AutomaticRetriesExhausted = false };
        }

        if (automaticRetries < budget && !(record.HasDeadLettered && work.Trigger == AttemptTrigger.ManualRetry))
        {
            var delay = treatment.FixedDelay ?? backoff.DelayFor(automaticRetries, policy, outcome.RetryAfter);
            return failed with { NextAttemptAt = now + delay, AutomaticRetriesExhausted = false, DeadLetter = DeadLetterChange.Clear };
        }

        // Automatic processing gives up: the record waits in the dead-letter queue, never dropped.
        return failed with { Status = RecordStatus.DeadLetter, AutomaticRetriesExhausted = true, DeadLetter = DeadLetterChange.Set };
    }

    private static bool IsSkipped(ErrorClass errorClass, Integration integration) =>
        errorClass == ErrorClass.SchemaMismatch || (errorClass == ErrorClass.Duplicate && integration.DuplicateDetection);

    private static string SerializeProblems(IReadOnlyList<FieldProblem> problems) =>
        JsonSerializer.Serialize(problems.Take(MaxFieldProblems).Select(p => new { field = Clip(p.Field, 100), message = Clip(p.Message, 150) }));
}
