using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SyncHub.Connectors;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Integration settings hold credentials (tokens, webhook secrets), so they are stored encrypted with Data
/// Protection and decrypted only to build a delivery request. Decrypted settings are cached per stored value.
/// </summary>
public sealed class SettingsProtector(IDataProtectionProvider provider)
{
    private const string Marker = "dp1:";
    private const int MaxCached = 1024;
    private readonly IDataProtector _protector = provider.CreateProtector("SyncHub.IntegrationSettings.v1");
    private readonly ConcurrentDictionary<string, ConnectorSettings> _cache = new(StringComparer.Ordinal);

    public string Protect(string settingsJson) => Marker + _protector.Protect(settingsJson);

    /// <summary>The settings as the connector sees them; fails with <see cref="CryptographicException"/> when the key ring is gone.</summary>
    public ConnectorSettings Read(string stored)
    {
        if (_cache.Count > MaxCached)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(stored, value => ConnectorSettings.Parse(Unprotect(value)));
    }

    // Rows written before encryption was introduced are plain JSON; they are read as they are.
    private string Unprotect(string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal) ? _protector.Unprotect(stored[Marker.Length..]) : stored;
}
