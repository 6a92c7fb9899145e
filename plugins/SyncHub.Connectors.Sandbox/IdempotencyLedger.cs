using System.Collections.Concurrent;
using System.Globalization;

namespace SyncHub.Connectors.Sandbox;

/// <summary>The sandbox's memory of accepted idempotency keys, like a provider that deduplicates creates.</summary>
internal sealed class IdempotencyLedger
{
    private readonly ConcurrentDictionary<string, string> _externalIds = new(StringComparer.Ordinal);
    private int _lastId;

    /// <summary>The record's external id, and whether this call created it (false for a repeated key).</summary>
    public (string ExternalId, bool Created) Accept(string idempotencyKey)
    {
        if (_externalIds.TryGetValue(idempotencyKey, out var existing))
        {
            return (existing, false);
        }

        var candidate = "SBX-" + Interlocked.Increment(ref _lastId).ToString("D6", CultureInfo.InvariantCulture);
        return _externalIds.TryAdd(idempotencyKey, candidate)
            ? (candidate, true)
            : (_externalIds[idempotencyKey], false);
    }

    /// <summary>Records that a key now means an existing record (a link), unless the key was already accepted.</summary>
    public string Link(string idempotencyKey, string externalId) => _externalIds.GetOrAdd(idempotencyKey, externalId);

    /// <summary>The external id a key was accepted as, or null when the sandbox never saw it.</summary>
    public string? Find(string idempotencyKey) => _externalIds.GetValueOrDefault(idempotencyKey);
}
