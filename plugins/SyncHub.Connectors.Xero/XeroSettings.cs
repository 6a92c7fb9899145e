using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero;

/// <summary>
/// An integration's Xero settings, checked. A class rather than a record so no generated ToString can print
/// the secrets.
/// </summary>
internal sealed class XeroSettings
{
    public const string TenantIdKey = "tenantId";
    public const string ClientIdKey = "clientId";
    public const string ClientSecretKey = "clientSecret";
    public const string RefreshTokenKey = "refreshToken";
    public const string AccessTokenKey = "accessToken";
    public const string AccessTokenExpiresAtKey = "accessTokenExpiresAt";
    public const string BaseUrlKey = "baseUrl";
    public const string TokenUrlKey = "tokenUrl";

    private XeroSettings()
    {
    }

    public string TenantId { get; private init; } = "";

    public string ClientId { get; private init; } = "";

    public string ClientSecret { get; private init; } = "";

    public string RefreshToken { get; private init; } = "";

    public string? AccessToken { get; private init; }

    /// <summary>Null when unknown: the token is then used until Xero refuses it.</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; private init; }

    /// <summary>Without a trailing slash.</summary>
    public string BaseUrl { get; private init; } = "";

    public Uri TokenUrl { get; private init; } = null!;

    public override string ToString() => $"Xero tenant {TenantId}";

    /// <summary>The settings, or a problem that names the setting.</summary>
    public static bool TryRead(ConnectorSettings settings, [NotNullWhen(true)] out XeroSettings? result, out string problem)
    {
        result = null;
        problem = "";
        var missing = new[] { TenantIdKey, ClientIdKey, ClientSecretKey, RefreshTokenKey }
            .FirstOrDefault(key => string.IsNullOrWhiteSpace(settings.GetString(key)));
        if (missing is not null)
        {
            problem = $"Xero setting '{missing}' is missing.";
            return false;
        }

        var baseUrl = HttpUrl(settings.GetString(BaseUrlKey), XeroConnectorInfo.DefaultBaseUrl);
        var tokenUrl = HttpUrl(settings.GetString(TokenUrlKey), XeroConnectorInfo.DefaultTokenUrl);
        if (baseUrl is null || tokenUrl is null)
        {
            problem = $"Xero setting '{(baseUrl is null ? BaseUrlKey : TokenUrlKey)}' is not an absolute http(s) URL.";
            return false;
        }

        var accessToken = settings.GetString(AccessTokenKey);
        result = new XeroSettings
        {
            TenantId = settings.GetString(TenantIdKey)!.Trim(),
            ClientId = settings.GetString(ClientIdKey)!.Trim(),
            ClientSecret = settings.GetString(ClientSecretKey)!,
            RefreshToken = settings.GetString(RefreshTokenKey)!.Trim(),
            AccessToken = string.IsNullOrWhiteSpace(accessToken) ? null : accessToken.Trim(),
            AccessTokenExpiresAt = ExpiresAt(settings.GetString(AccessTokenExpiresAtKey)),
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
            TokenUrl = tokenUrl,
        };
        return true;
    }

    private static Uri? HttpUrl(string? text, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
    }

    // An unreadable expiry counts as already expired: a refresh costs one call, a stale token a refused delivery.
    private static DateTimeOffset? ExpiresAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue;
    }
}
