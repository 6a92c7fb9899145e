namespace SyncHub.Data.Entities;

public enum RunStatus
{
    Running = 0,
    Succeeded = 1,
    CompletedWithErrors = 2,
    Failed = 3,
    TimedOut = 4,
    Cancelled = 5,
}
