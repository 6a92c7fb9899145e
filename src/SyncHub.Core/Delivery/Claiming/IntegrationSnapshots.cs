using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Data;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// Reads the integrations of a claim (a few rows, untracked) and prepares each once: decrypting settings costs far more
/// than sending a record, so decrypted settings are kept by their stored (encrypted) text, which changes whenever they do.
/// </summary>
internal sealed class IntegrationSnapshots(SettingsProtector settings)
{
    private const int MaxCached = 64;
    private readonly ConcurrentDictionary<string, ConnectorSettings?> _decrypted = new(StringComparer.Ordinal);

    public async Task<Dictionary<int, IntegrationSnapshot>> LoadAsync(SyncHubDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var integrations = await db.Integrations.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        return integrations.ToDictionary(
            i => i.Id,
            i => new IntegrationSnapshot(i, Decrypt(i.SettingsJson), MappingDefaults.Parse(i.MappingDefaultsJson)));
    }

    private ConnectorSettings? Decrypt(string stored)
    {
        if (_decrypted.TryGetValue(stored, out var known))
        {
            return known;
        }

        if (_decrypted.Count >= MaxCached)
        {
            _decrypted.Clear();
        }

        ConnectorSettings? read;
        try
        {
            read = settings.Read(stored);
        }
        catch (CryptographicException)
        {
            read = null;
        }

        return _decrypted[stored] = read;
    }
}
