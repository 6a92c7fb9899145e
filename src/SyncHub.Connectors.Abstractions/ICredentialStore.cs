namespace SyncHub.Connectors;

/// <summary>
/// Lets a connector keep credentials it was handed by the destination, such as a rotated OAuth refresh token.
/// SyncHub merges the values into the integration's settings, encrypted like every setting; the next
/// <see cref="DeliveryRequest.Settings"/> carries them.
/// </summary>
public interface ICredentialStore
{
    /// <summary>Saves the values (setting name → value) into the integration's settings.</summary>
    Task SaveAsync(string integrationSlug, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken);
}
