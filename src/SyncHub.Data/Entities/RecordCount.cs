namespace SyncHub.Data.Entities;

/// <summary>
/// How many records of one integration stand at one status, archived or not. Database triggers on the records
/// table keep it (created by the RecordCounts migration of each store): every insert, status or archive change and delete moves the
/// counts in the same transaction, so the dashboard reads a few rows instead of counting every record.
/// </summary>
public sealed class RecordCount
{
    public int IntegrationId { get; set; }

    public RecordStatus Status { get; set; }

    public bool Archived { get; set; }

    public long Count { get; set; }
}
