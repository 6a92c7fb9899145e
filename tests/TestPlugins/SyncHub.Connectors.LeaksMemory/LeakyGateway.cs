using SyncHub.Connectors;

namespace SyncHub.Connectors.LeaksMemory;

/// <summary>
/// A connector with a leak, as one caching every response in a static list would have: each delivery keeps
/// <c>leakMb</c> megabytes (default 5) for good. With <c>exitCode</c> set, a delivery ends the process instead,
/// as a native crash would.
/// </summary>
public sealed class LeakyGateway : IConnectorGateway
{
    private static readonly List<byte[]> Kept = [];

    public ConnectorInfo Info => new("leaks-memory", "Leaks memory", "0.0.1");

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Settings.TryGet("exitCode", out var exitCode))
        {
            Environment.Exit(exitCode.GetInt32());
        }

        // Touch every page, so the memory is resident and not merely reserved.
        var block = new byte[(int)(request.Settings.GetDouble("leakMb", 5) * 1024 * 1024)];
        Array.Fill(block, (byte)1);
        lock (Kept)
        {
            Kept.Add(block);
        }

        return Task.FromResult(DeliveryOutcome.Delivered("leak-" + request.SourceId));
    }
}
