namespace SyncHub.Connectors.Xero.Auth;

/// <summary>A consistent read of an integration's token state. A class so no generated ToString prints the tokens.</summary>
internal sealed class TokenSnapshot(string? accessToken, DateTimeOffset? expiresAt, string refreshToken, int version)
{
    public string? AccessToken { get; } = accessToken;

    /// <summary>Null when unknown: the token is used until Xero refuses it.</summary>
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public string RefreshToken { get; } = refreshToken;

    public int Version { get; } = version;

    /// <summary>True when there is a token with more than <paramref name="margin"/> left (or an unknown expiry).</summary>
    public bool IsUsable(DateTimeOffset now, TimeSpan margin) =>
        AccessToken is not null && (ExpiresAt is null || ExpiresAt.Value - now > margin);

    public override string ToString() => $"Xero token version {Version}";
}
