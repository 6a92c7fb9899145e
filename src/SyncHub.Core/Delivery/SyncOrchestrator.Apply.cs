using SyncHub.Connectors;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private static void ApplySuccess(SyncRecord record, SyncAttempt attempt, DeliveryOutcome outcome, DateTimeOffset now)
    {
        attempt.Status = AttemptStatus.Succeeded;
        record.Status = RecordStatus.Delivered;
        record.DeliveredAt = now;
        record.ExternalId = Truncate(outcome.ExternalId, 200) ?? record.ExternalId;
        record.NextAttemptAt = null;
        record.AutomaticRetryCount = 0;
        record.AutomaticRetriesExhausted = false;
        record.OutcomeUnknown = false;
        record.ReconciledAt = null;
        record.DeadLetteredAt = null;
        record.ErrorFingerprint = null;
    }

    private void ApplyFailure(SyncRecord record, SyncAttempt attempt, DeliveryOutcome outcome, AttemptTrigger trigger, DateTimeOffset now)
    {
        var message = Truncate(outcome.Message, MaxMessageLength) ?? ErrorClassPolicy.Label(outcome.ErrorClass);
        var treatment = ErrorClassPolicy.For(outcome.ErrorClass);
        attempt.Status = AttemptStatus.Failed;
        attempt.ErrorClass = outcome.ErrorClass;
        attempt.Message = message;
        record.LastErrorClass = outcome.ErrorClass;
        record.LastHttpStatus = outcome.HttpStatus;
        record.LastErrorMessage = message;
        record.ErrorFingerprint = Failures.Groups.ErrorFingerprint.For(record.IntegrationId, outcome.ErrorClass, message);
        record.FirstFailedAt ??= now;
        record.LastFailedAt = now;
        record.OutcomeUnknown = treatment.LookUpFirst;
        if (outcome.DuplicateCandidates.Count == 0 && IsSkipped(outcome.ErrorClass, record.Integration!))
        {
            attempt.Status = AttemptStatus.Skipped;
            record.Status = RecordStatus.Skipped;
            record.NextAttemptAt = null;
            return;
        }

        // A manual retry restarts the backoff timer; an automatic one moves it one step on.
        record.AutomaticRetryCount = trigger switch
        {
            AttemptTrigger.ManualRetry => 0,
            AttemptTrigger.AutomaticRetry => record.AutomaticRetryCount + 1,
            _ => record.AutomaticRetryCount,
        };

        var policy = record.Integration!.Retry;
        var budget = Math.Min(policy.MaxAutomaticAttempts, treatment.RetryLimit ?? int.MaxValue);
        var wasDeadLetter = record.DeadLetteredAt is not null;
        if (treatment.Retry == RetryTreatment.None)
        {
            record.Status = RecordStatus.Failed;
            record.NextAttemptAt = null;
            record.AutomaticRetriesExhausted = false;
        }
        else if (record.AutomaticRetryCount < budget && !(wasDeadLetter && trigger == AttemptTrigger.ManualRetry))
        {
            record.Status = RecordStatus.Failed;
            record.NextAttemptAt = now + (treatment.FixedDelay ?? _backoff.DelayFor(record.AutomaticRetryCount, policy, outcome.RetryAfter));
            record.AutomaticRetriesExhausted = false;
            record.DeadLetteredAt = null;
        }
        else
        {
            // Automatic processing gives up: the record waits in the dead-letter queue, never dropped.
            record.Status = RecordStatus.DeadLetter;
            record.NextAttemptAt = null;
            record.AutomaticRetriesExhausted = true;
            record.DeadLetteredAt ??= now;
        }
    }

    private static bool IsSkipped(ErrorClass errorClass, Integration integration) =>
        errorClass == ErrorClass.SchemaMismatch || (errorClass == ErrorClass.Duplicate && integration.DuplicateDetection);
}
