namespace SyncHub.Data.Entities;

/// <summary>
/// One record that has work waiting (or in hand): the work queue holds only these, so claiming due work reads a short
/// index instead of the records table's. A row is a function of its record's state (see <c>WorkQueueProjection</c>),
/// written in the same transaction as every change of that state.
/// </summary>
public sealed class QueuedWork
{
    public long RecordId { get; set; }

    public int IntegrationId { get; set; }

    public WorkLane Lane { get; set; }

    /// <summary>When the work is due; the claim time for <see cref="WorkLane.Claimed"/>; the start of time for runs.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The retry operation that queued the record (<see cref="WorkLane.ManualRetry"/>).</summary>
    public Guid? OperationId { get; set; }

    /// <summary>The run that staged the record (<see cref="WorkLane.Run"/>).</summary>
    public long? RunId { get; set; }

    public Guid? ClaimToken { get; set; }

    public string? ClaimedBy { get; set; }
}
