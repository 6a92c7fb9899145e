using Microsoft.Extensions.Options;

namespace SyncHub.Core.Cluster;

/// <summary>This process's name among the nodes sharing the store; every claim it makes carries it.</summary>
public sealed class NodeIdentity(IOptions<ClusterOptions> options)
{
    public string Id { get; } = options.Value.NodeId is { Length: > 0 } configured ? configured : Generate();

    private static string Generate()
    {
        var host = Environment.MachineName;
        var id = $"{host}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        return id.Length <= 64 ? id : id[^64..];
    }
}
