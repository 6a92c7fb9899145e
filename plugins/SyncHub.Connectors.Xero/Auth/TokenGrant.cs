namespace SyncHub.Connectors.Xero.Auth;

/// <summary>What Xero's token endpoint handed out. A class so no generated ToString prints the tokens.</summary>
internal sealed class TokenGrant(string accessToken, string refreshToken, DateTimeOffset expiresAt)
{
    public string AccessToken { get; } = accessToken;

    /// <summary>The new refresh token; Xero rotates it on every refresh and the old one stops working.</summary>
    public string RefreshToken { get; } = refreshToken;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public override string ToString() => $"Xero token grant expiring {ExpiresAt:O}";
}
