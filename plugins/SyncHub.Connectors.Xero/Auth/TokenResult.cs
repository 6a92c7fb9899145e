using SyncHub.Connectors.Xero.Http;

namespace SyncHub.Connectors.Xero.Auth;

/// <summary>An access token to call with (and the state version it belongs to), or why there is none.</summary>
internal sealed class TokenResult
{
    private TokenResult()
    {
    }

    public string? AccessToken { get; private init; }

    /// <summary>Counts the refreshes of the integration's token; a refresh that finds it moved on reuses the newer token.</summary>
    public int Version { get; private init; }

    public XeroFailure? Failure { get; private init; }

    public static TokenResult Ok(string accessToken, int version) => new() { AccessToken = accessToken, Version = version };

    public static TokenResult Failed(XeroFailure failure) => new() { Failure = failure };

    public override string ToString() => Failure is null ? $"Token version {Version}" : $"No token: {Failure.ErrorClass}";
}
