namespace SyncHub.Data.Entities;

/// <summary>
/// One running SyncHub process sharing a PostgreSQL store. Its heartbeat is its lease: records claimed by a node
/// whose heartbeat has gone quiet for longer than the lease are released to the others.
/// </summary>
public sealed class SyncHubNode
{
    public required string Id { get; set; }

    public string? HostName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }
}
