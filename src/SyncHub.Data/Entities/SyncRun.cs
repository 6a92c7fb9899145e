namespace SyncHub.Data.Entities;

/// <summary>One execution: a batch of source records read and delivered for one integration.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }

    public int IntegrationId { get; set; }

    public RunTrigger Trigger { get; set; }

    public RunMode Mode { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>Date range runs: the window read from the source.</summary>
    public DateTimeOffset? RangeFrom { get; set; }

    public DateTimeOffset? RangeTo { get; set; }

    /// <summary>Incremental runs: the checkpoint they started from.</summary>
    public DateTimeOffset? CheckpointFrom { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    /// <summary>Why it failed or stopped, which batch was in flight at a timeout, or what the breaker saw.</summary>
    public string? Note { get; set; }

    /// <summary>For a retry run: the run it retries, and which retry it is (1, 2, 3).</summary>
    public long? RetryOfRunId { get; set; }

    public int RetryNumber { get; set; }

    /// <summary>When the automatic retry of this failed run is due; null when none is planned.</summary>
    public DateTimeOffset? RetryDueAt { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>
    /// The node driving the run. On a shared store a node ends at start-up only its own interrupted runs and those of
    /// nodes whose lease ran out, never a live node's.
    /// </summary>
    public string? OwnerNode { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Processed => Created + Updated + Skipped + Failed;
}
