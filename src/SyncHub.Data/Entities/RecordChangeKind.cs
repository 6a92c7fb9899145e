namespace SyncHub.Data.Entities;

/// <summary>Why a record's payload or resolution changed after it arrived.</summary>
public enum RecordChangeKind
{
    /// <summary>An administrator edited the payload and retried (edit-and-retry).</summary>
    Edit = 0,

    /// <summary>SyncHub fixed a field's format after a validation error.</summary>
    AutoFix = 1,

    /// <summary>The record was linked to a copy the destination already had.</summary>
    Link = 2,

    /// <summary>A duplicate review merged records.</summary>
    Merge = 3,

    /// <summary>A duplicate review decided the candidates are different records.</summary>
    KeptApart = 4,

    /// <summary>A reconciliation found it missing or different at the destination and queued it again (a new payload version).</summary>
    Resync = 5,
}
