namespace SyncHub.Connectors;

/// <summary>SDK 2's gateway: a different contract than the host's SDK 1.</summary>
public interface IConnectorGateway
{
    string Name { get; }

    Task<bool> SendAsync(string body, CancellationToken cancellationToken);
}
