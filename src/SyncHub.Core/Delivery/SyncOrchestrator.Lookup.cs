using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    public const string ReconciledMessage = "Found at the destination by look-up; not sent again (reconciled).";

    private const string LookupFailedPrefix = "Look-up before sending again failed: ";

    /// <summary>
    /// Marks what a look-up before re-sending decided: a found record is delivered without being sent again;
    /// a failed look-up leaves the outcome unknown whatever its class, so the next attempt asks again.
    /// </summary>
    private static void ApplyLookup(SyncRecord record, SyncAttempt attempt, LookupStep step, DateTimeOffset now)
    {
        if (step == LookupStep.Found && attempt.Status == AttemptStatus.Succeeded)
        {
            record.ReconciledAt = now;
            attempt.Message = ReconciledMessage;
        }
        else if (step == LookupStep.Failed && attempt.Status != AttemptStatus.Succeeded)
        {
            record.OutcomeUnknown = true;
            attempt.Message = Truncate(LookupFailedPrefix + attempt.Message, MaxMessageLength);
            record.LastErrorMessage = attempt.Message;
        }
    }
}
