using System.Collections.Concurrent;

namespace SyncHub.Core.Delivery;

/// <summary>
/// The claim tokens this process is working on right now. A record in flight under any other token was
/// abandoned (its completion could not be written, for example on a full disk) and may be recovered.
/// </summary>
public sealed class ActiveClaims
{
    private readonly ConcurrentDictionary<Guid, byte> _tokens = new();

    public void Add(Guid token) => _tokens[token] = 0;

    public void Remove(Guid token) => _tokens.TryRemove(token, out _);

    public bool Contains(Guid token) => _tokens.ContainsKey(token);
}
