using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Fixes;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private const int MaxMessageLength = 2000;

    /// <summary>Writes one attempt's result: the log entry, the record's state and, on success, the resolved failures.</summary>
    private async Task<bool?> CompleteAsync(ClaimedRecord work, DeliveryOutcome outcome, TimeSpan elapsed, ResendGuard guard, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await _writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Records.Include(r => r.Integration)
            .SingleOrDefaultAsync(r => r.Id == work.Record.Id && r.ClaimToken == work.ClaimToken, cancellationToken);
        if (record is null)
        {
            LogClaimLost(work.Record.Id);
            return null;
        }

        var attempt = await db.Attempts.SingleAsync(a => a.Id == work.AttemptId, cancellationToken);
        var now = _time.GetUtcNow();
        attempt.FinishedAt = now;
        attempt.DurationMs = (long)elapsed.TotalMilliseconds;
        attempt.HttpStatus = outcome.HttpStatus;
        record.ClaimToken = null;
        record.UpdatedAt = now;
        if (work.Trigger != AttemptTrigger.Delivery)
        {
            record.RetryCount++;
        }

        var before = NotableState.Of(record);
        if (outcome.IsDelivered)
        {
            ApplySuccess(record, attempt, outcome, now);
        }
        else
        {
            ApplyFailure(record, attempt, outcome, work.Trigger, now);
        }

        await ApplyOutcomeDetailsAsync(db, record, outcome, now, cancellationToken);
        ApplyLookup(record, attempt, guard, now);

        if (record.PayloadVersion != work.Record.PayloadVersion)
        {
            // The source sent a newer version while this one was out: deliver that next.
            record.Status = RecordStatus.Pending;
            record.NextAttemptAt = now;
        }

        await AutoFixes.TryApplyAsync(db, record, outcome, work.Trigger, now, _logger, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome.IsDelivered)
        {
            await db.Attempts.Where(a => a.RecordId == record.Id && a.Status == AttemptStatus.Failed)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Succeeded).SetProperty(a => a.ResolvedByAttemptId, attempt.Id), cancellationToken);
        }

        if (record.Status == RecordStatus.Delivered)
        {
            await ReleaseChildrenAsync(db, record, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Telemetry.DeliveryTracing.Completed(outcome);
        LogCompleted(record.Id, record.Integration!.Slug, work.Trigger, outcome.ErrorClass, outcome.HttpStatus);
        _metrics.AttemptCompleted(record.Integration.Slug, outcome, elapsed);
        NotifyChanges(before, record);
        return outcome.IsDelivered;
    }

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

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
