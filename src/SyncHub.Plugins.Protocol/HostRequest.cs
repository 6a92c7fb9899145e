namespace SyncHub.Plugins.Protocol;

/// <summary>One call from the host to the child; <see cref="Op"/> says which of the payloads is set.</summary>
internal sealed record HostRequest(long Id, string Op, string? Connector = null)
{
    public WireDelivery? Delivery { get; init; }

    public WireLookup? Lookup { get; init; }

    public WireConnectionTest? Test { get; init; }
}
