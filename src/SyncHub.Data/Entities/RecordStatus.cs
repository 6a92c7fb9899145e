namespace SyncHub.Data.Entities;

/// <summary>Where a record stands. Failed records form the failed queue.</summary>
public enum RecordStatus
{
    Pending = 0,
    InFlight = 1,
    Delivered = 2,
    Failed = 3,
}
