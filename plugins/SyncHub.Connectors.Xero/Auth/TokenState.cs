using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Connectors.Xero.Auth;

/// <summary>
/// One integration's tokens, in memory. Seeded from the settings; after that the newest rotated tokens live
/// here, because the settings SyncHub hands in may lag behind what Xero last issued.
/// </summary>
internal sealed class TokenState
{
    private readonly Lock _lock = new();

    // Hashes of every refresh token this state has held: settings carrying one of them are not a re-authorisation.
    private readonly HashSet<string> _knownRefreshTokens = new(StringComparer.Ordinal);
    private string _clientId = "";
    private string? _accessToken;
    private DateTimeOffset? _expiresAt;
    private string _refreshToken = "";
    private int _version;

    public TokenState(XeroSettings settings)
    {
        Seed(settings);
    }

    /// <summary>Serializes refreshes: Xero's refresh token works once, so two concurrent refreshes would lose one.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public TokenSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new TokenSnapshot(_accessToken, _expiresAt, _refreshToken, _version);
        }
    }

    /// <summary>Starts over from the settings when an administrator re-authorised (new refresh token) or changed the app.</summary>
    public void Reconcile(XeroSettings settings)
    {
        lock (_lock)
        {
            if (_clientId != settings.ClientId || !_knownRefreshTokens.Contains(Hash(settings.RefreshToken)))
            {
                Seed(settings);
            }
        }
    }

    public int Apply(TokenGrant grant)
    {
        lock (_lock)
        {
            _accessToken = grant.AccessToken;
            _expiresAt = grant.ExpiresAt;
            _refreshToken = grant.RefreshToken;
            _knownRefreshTokens.Add(Hash(grant.RefreshToken));
            return ++_version;
        }
    }

    public override string ToString() => $"Xero token state version {_version}";

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private void Seed(XeroSettings settings)
    {
        _clientId = settings.ClientId;
        _accessToken = settings.AccessToken;
        _expiresAt = settings.AccessToken is null ? null : settings.AccessTokenExpiresAt;
        _refreshToken = settings.RefreshToken;
        _knownRefreshTokens.Clear();
        _knownRefreshTokens.Add(Hash(settings.RefreshToken));
        _version++;
    }
}
