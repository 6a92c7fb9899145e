namespace SyncHub.Data.Entities;

public enum OperationStatus
{
    Running = 0,
    Completed = 1,
}
