using SyncHub.Connectors;

namespace SyncHub.Data.Entities;

/// <summary>
/// One reconciliation of an integration: its records of a date range compared with the destination's, the counts of
/// each kind of difference, and the progress of its "Resync missing and different".
/// </summary>
public sealed class ReconcileRun
{
    public long Id { get; set; }

    public int IntegrationId { get; set; }

    /// <summary>The range compared: records whose source change (else arrival) time is in [from, to).</summary>
    public DateTimeOffset RangeFrom { get; set; }

    public DateTimeOffset RangeTo { get; set; }

    public ReconcileStatus Status { get; set; }

    /// <summary>How the destination was read: listed, or looked up record by record.</summary>
    public DestinationReadMode Mode { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>What the comparison is doing now, for the progress panel.</summary>
    public string? Phase { get; set; }

    /// <summary>Why it failed or stopped, or which bound it reached.</summary>
    public string? Note { get; set; }

    /// <summary>The node driving the comparison or the resync.</summary>
    public string? OwnerNode { get; set; }

    /// <summary>Records on the source side: SyncHub's of the range, plus any a source read found that SyncHub lacks.</summary>
    public int SourceRecords { get; set; }

    /// <summary>Records the destination listed, or answered a look-up for.</summary>
    public int DestinationRecords { get; set; }

    public int Matching { get; set; }

    public int Missing { get; set; }

    public int Different { get; set; }

    public int Extra { get; set; }

    public int NotCompared { get; set; }

    /// <summary>True when a bound cut the comparison short: it covers part of the range only.</summary>
    public bool Truncated { get; set; }

    public ReconcileResyncStatus ResyncStatus { get; set; }

    /// <summary>Missing and different records the resync takes (fixed when it starts).</summary>
    public int ResyncTotal { get; set; }

    public int ResyncQueued { get; set; }

    /// <summary>Records the resync left as they were, each with its reason.</summary>
    public int ResyncLeft { get; set; }

    public string? ResyncStartedBy { get; set; }

    public DateTimeOffset? ResyncStartedAt { get; set; }

    public DateTimeOffset? ResyncFinishedAt { get; set; }

    public string? ResyncNote { get; set; }
}
