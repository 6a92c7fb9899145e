using SyncHub.Connectors;

namespace SyncHub.Connectors.FutureSdk;

/// <summary>A connector written for SDK 2, which this host does not speak.</summary>
public sealed class FutureGateway : IConnectorGateway
{
    public string Name => "future";

    public Task<bool> SendAsync(string body, CancellationToken cancellationToken) => Task.FromResult(true);
}
