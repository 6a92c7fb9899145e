namespace SyncHub.Data.Entities;

/// <summary>Where a reconciliation's comparison stands.</summary>
public enum ReconcileStatus
{
    Running = 0,

    /// <summary>Compared; the differences are listed (possibly only part of the range, see the run's note).</summary>
    Completed = 1,

    /// <summary>The source or the destination could not be read; the note says why.</summary>
    Failed = 2,

    TimedOut = 3,

    Cancelled = 4,
}
