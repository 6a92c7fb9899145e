using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>A record this worker holds, with the sync-log entry opened for the attempt and the batch it was claimed in.</summary>
internal sealed record ClaimedRecord(ClaimRow Record, IntegrationSnapshot Integration, long AttemptId, AttemptTrigger Trigger, ClaimBatch Batch)
{
    public Guid ClaimToken => Batch.Token;

    /// <summary>The retry operation the attempt belongs to (a manual retry's operation), if any.</summary>
    public Guid? OperationId { get; init; }

    /// <summary>Set when an administrator's duplicate review decided how this record is delivered.</summary>
    public ReviewDecision? Decision { get; init; }
}
