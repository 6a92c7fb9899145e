namespace SyncHub.Data.Entities;

public enum AlertStatus
{
    Open = 0,
    Resolved = 1,
}
