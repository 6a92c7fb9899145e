using SyncHub.Core.Failures.Groups;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    public const string ReconciledMessage = "Found at the destination by look-up; not sent again (reconciled).";

    private const string LookupFailedPrefix = "Look-up before sending again failed: ";

    /// <summary>
    /// Applies what the attempt learnt about the destination: a record found by look-up is delivered without
    /// being sent again; after a failure the outcome is unknown exactly when the guard says so. Only an answer
    /// from the destination clears it, so a failure that never reached it (a mapping error, a connector not
    /// loaded) or a failed look-up leaves an earlier unknown outcome to be looked up next time.
    /// </summary>
    private static void ApplyLookup(SyncRecord record, SyncAttempt attempt, ResendGuard guard, DateTimeOffset now)
    {
        if (attempt.Status == AttemptStatus.Succeeded)
        {
            if (guard.Step == LookupStep.Found)
            {
                record.ReconciledAt = now;
                attempt.Message = ReconciledMessage;
            }

            return;
        }

        record.OutcomeUnknown = guard.OutcomeUnknown;
        if (guard.Step == LookupStep.Failed)
        {
            attempt.Message = Truncate(LookupFailedPrefix + attempt.Message, MaxMessageLength);
            record.LastErrorMessage = attempt.Message;
            record.ErrorFingerprint = ErrorFingerprint.For(record.IntegrationId, record.LastErrorClass, record.LastErrorMessage);
        }
    }
}
