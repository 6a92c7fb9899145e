namespace SyncHub.Core.Delivery.Completing;

/// <summary>A record a completion statement changed, as the statement returns it (for the counts and what follows).</summary>
internal sealed class WrittenRecord
{
    public long Id { get; set; }

    public int IntegrationId { get; set; }

    public int Status { get; set; }

    public bool Archived { get; set; }
}
