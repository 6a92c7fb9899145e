using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// Where a claim takes its records from: the front of a work-queue lane (due deliveries, due automatic retries, a retry
/// operation's records, a run's staged records), or one record by id in a given state (an operation's canary, a record
/// just edited, a reviewed duplicate). Its trigger is what the attempts are recorded as.
/// </summary>
internal sealed record WorkSource
{
    private WorkSource(AttemptTrigger trigger)
    {
        Trigger = trigger;
    }

    public AttemptTrigger Trigger { get; }

    /// <summary>The lane claimed in due order; null for a source of one record.</summary>
    public WorkLane? Lane { get; private init; }

    /// <summary>Lanes with a due time are claimed only once it has come.</summary>
    public bool DueOnly { get; private init; }

    public Guid? OperationId { get; private init; }

    public long? RunId { get; private init; }

    public long? RecordId { get; private init; }

    /// <summary>For a source of one record: the states in which it may be claimed.</summary>
    public IReadOnlyList<RecordStatus> Statuses { get; private init; } = [];

    /// <summary>Records whose parent SyncHub holds undelivered are set aside as blocked instead of being claimed.</summary>
    public bool ChecksParents { get; private init; }

    /// <summary>Open breakers and paused integrations hold the source's records back (not for a reviewed duplicate).</summary>
    public bool Gated { get; private init; } = true;

    public static WorkSource DueDeliveries { get; } = new(AttemptTrigger.Delivery) { Lane = WorkLane.Delivery, DueOnly = true, ChecksParents = true };

    public static WorkSource DueRetries { get; } = new(AttemptTrigger.AutomaticRetry) { Lane = WorkLane.AutomaticRetry, DueOnly = true };

    public static WorkSource Operation(Guid operationId) => new(AttemptTrigger.ManualRetry) { Lane = WorkLane.ManualRetry, OperationId = operationId };

    public static WorkSource Run(long runId) => new(AttemptTrigger.Run) { Lane = WorkLane.Run, RunId = runId, ChecksParents = true };

    /// <summary>One record an operation queued, alone: the operation's canary.</summary>
    public static WorkSource Canary(Guid operationId, long recordId) => new(AttemptTrigger.ManualRetry)
    {
        OperationId = operationId, RecordId = recordId, Statuses = [RecordStatus.Failed, RecordStatus.DeadLetter],
    };

    /// <summary>A record an operator has just edited (pending with a due time), delivered at once as a manual retry.</summary>
    public static WorkSource Edited(long recordId) => new(AttemptTrigger.ManualRetry)
    {
        RecordId = recordId, Statuses = [RecordStatus.Pending], ChecksParents = true,
    };

    /// <summary>A record waiting for duplicate review, delivered the way the administrator decided.</summary>
    public static WorkSource Reviewed(long recordId, ReviewDecision decision) => new(AttemptTrigger.ManualRetry)
    {
        RecordId = recordId, Statuses = [RecordStatus.NeedsReview], Gated = false, Decision = decision,
    };

    /// <summary>How an administrator's duplicate review decided the record is delivered.</summary>
    public ReviewDecision? Decision { get; private init; }
}
