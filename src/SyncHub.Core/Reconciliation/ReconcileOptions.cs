using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Reconciliation;

/// <summary>The bounds of a reconciliation (<c>SyncHub:Reconciliation</c>).</summary>
public sealed class ReconcileOptions
{
    public const string Section = "SyncHub:Reconciliation";

    /// <summary>Records compared on the source side (SyncHub's of the range, plus a source read's); the rest of the range is left out and the run says so.</summary>
    [Range(1, 100_000)]
    public int MaxRecords { get; set; } = 10_000;

    /// <summary>Records read from a destination's listing; records it did not reach are looked up one by one.</summary>
    [Range(1, 200_000)]
    public int MaxDestinationRecords { get; set; } = 20_000;

    /// <summary>The longest range one reconciliation may cover.</summary>
    [Range(1, 3660)]
    public int MaxRangeDays { get; set; } = 366;

    /// <summary>A comparison still running after this long stops as timed out, recording nothing.</summary>
    [Range(1, 1440)]
    public double TimeoutMinutes { get; set; } = 15;

    /// <summary>One read of the destination or the source is abandoned (and classed transient) after this long.</summary>
    [Range(1, 600)]
    public double CallTimeoutSeconds { get; set; } = 30;

    /// <summary>Records asked for per page of a destination listing or a source read.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Records a resync queues per transaction.</summary>
    [Range(1, 1000)]
    public int ResyncChunkSize { get; set; } = 100;

    /// <summary>Reconciliations kept per integration; starting one deletes the oldest beyond this, with their differences.</summary>
    [Range(1, 1000)]
    public int KeepPerIntegration { get; set; } = 20;
}
