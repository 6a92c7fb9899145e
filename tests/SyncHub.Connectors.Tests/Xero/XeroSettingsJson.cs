using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Integration settings for the Xero connector; a null value leaves the setting out.</summary>
internal static class XeroSettingsJson
{
    public const string ClientSecret = "cl1ent-s3cret-value";
    public const string RefreshToken = "refresh-token-1";
    public const string AccessToken = "access-token-1";

    /// <summary>Half an hour after <see cref="XeroClock.Start"/>: the access token is fresh.</summary>
    public const string FreshExpiry = "2026-03-01T12:30:00Z";

    public static string Create(
        string? accessToken = AccessToken,
        string? expiresAt = FreshExpiry,
        string? refreshToken = RefreshToken,
        string? clientId = "client-id-1",
        string? tenantId = "tenant-1",
        string? baseUrl = FakeXero.BaseUrl,
        string? tokenUrl = FakeXero.TokenUrl)
    {
        var settings = new JsonObject
        {
            ["tenantId"] = tenantId,
            ["clientId"] = clientId,
            ["clientSecret"] = ClientSecret,
            ["refreshToken"] = refreshToken,
            ["accessToken"] = accessToken,
            ["accessTokenExpiresAt"] = expiresAt,
            ["baseUrl"] = baseUrl,
            ["tokenUrl"] = tokenUrl,
        };
        foreach (var name in settings.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            settings.Remove(name);
        }

        return settings.ToJsonString();
    }
}
