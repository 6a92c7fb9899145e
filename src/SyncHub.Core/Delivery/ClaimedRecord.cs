using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

/// <summary>A record this worker holds, with the sync-log entry opened for the attempt.</summary>
internal sealed record ClaimedRecord(SyncRecord Record, Integration Integration, long AttemptId, AttemptTrigger Trigger, Guid ClaimToken)
{
    /// <summary>Set when an administrator's duplicate review decided how this record is delivered.</summary>
    public ReviewDecision? Decision { get; init; }
}
