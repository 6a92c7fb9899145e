using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Dashboard;

/// <summary>Decides what became of a failed attempt from the retry that resolved it, or else the record's status now.</summary>
public static class ErrorOutcomes
{
    public static ErrorOutcome Of(int failedVersion, AttemptTrigger? resolvedBy, int resolvedVersion, RecordStatus recordStatus) =>
        resolvedBy switch
        {
            AttemptTrigger.ManualRetry when resolvedVersion > failedVersion => ErrorOutcome.EditedAndRetried,
            AttemptTrigger.ManualRetry => ErrorOutcome.ResolvedByManualRetry,
            _ when Supersession.IsSuperseded(failedVersion, resolvedBy, resolvedVersion) => ErrorOutcome.Superseded,
            AttemptTrigger.AutomaticRetry => ErrorOutcome.ResolvedByAutomaticRetry,
            AttemptTrigger.Run => ErrorOutcome.ResolvedByRun,
            AttemptTrigger.Delivery => ErrorOutcome.DeliveredLater,
            _ => recordStatus switch
            {
                RecordStatus.Delivered => ErrorOutcome.DeliveredLater,
                RecordStatus.DeadLetter => ErrorOutcome.DeadLetter,
                RecordStatus.Dismissed => ErrorOutcome.Dismissed,
                RecordStatus.Pending or RecordStatus.InFlight => ErrorOutcome.Retrying,
                RecordStatus.NeedsReview => ErrorOutcome.NeedsReview,
                RecordStatus.Skipped => ErrorOutcome.Skipped,
                RecordStatus.Blocked => ErrorOutcome.Blocked,
                _ => ErrorOutcome.StillFailing,
            },
        };
}
