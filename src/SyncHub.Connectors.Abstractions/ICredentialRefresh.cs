namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway whose credentials expire (OAuth access tokens). When a call is refused with
/// <see cref="ErrorClass.Authentication"/>, SyncHub asks once for a refresh and repeats the call; if the refresh
/// fails, the integration's connection is marked expired until an administrator fixes it.
/// </summary>
public interface ICredentialRefresh
{
    /// <summary>Refreshes the integration's credentials. Returns false when they cannot be refreshed.</summary>
    Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken);
}
