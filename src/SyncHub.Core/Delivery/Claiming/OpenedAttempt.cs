namespace SyncHub.Core.Delivery.Claiming;

/// <summary>A sync-log entry a claim opened, as its INSERT returns it.</summary>
internal sealed class OpenedAttempt
{
    public long Id { get; set; }

    public long RecordId { get; set; }
}
