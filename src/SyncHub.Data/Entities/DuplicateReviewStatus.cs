namespace SyncHub.Data.Entities;

public enum DuplicateReviewStatus
{
    /// <summary>Waiting for an administrator.</summary>
    Open = 0,

    /// <summary>The record was linked to the chosen destination record; others were merged into it.</summary>
    Merged = 1,

    /// <summary>The administrator decided the record is new; it was created at the destination.</summary>
    KeptApart = 2,
}
