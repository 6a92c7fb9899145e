using Microsoft.Extensions.Options;

namespace SyncHub.Core.Cluster;

/// <summary>
/// Runs and retry operations carry the node that drives them. A node may take over work that is its own, that no
/// node owns, or whose node has not renewed its lease since <see cref="LeaseCutoff"/>. On SQLite no node writes a
/// heartbeat, so every owner counts as gone and the one node takes everything, as before nodes existed.
/// </summary>
public sealed class NodeOwnership(NodeIdentity node, TimeProvider time, IOptions<ClusterOptions> options)
{
    public string NodeId => node.Id;

    /// <summary>A node whose last heartbeat is older than this is dead.</summary>
    public DateTimeOffset LeaseCutoff() => time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
}
