namespace SyncHub.Data.Entities;

public enum OperationStatus
{
    Running = 0,
    Completed = 1,

    /// <summary>An administrator cancelled it; records it had not reached were released untouched.</summary>
    Cancelled = 2,

    /// <summary>The first record (the canary) failed the same way as before, so the rest were not tried.</summary>
    Stopped = 3,
}
