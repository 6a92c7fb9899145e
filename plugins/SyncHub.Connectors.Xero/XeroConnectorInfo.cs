using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero;

/// <summary>What the Xero connector tells SyncHub about itself: settings form, entity types and Xero's limits.</summary>
internal static class XeroConnectorInfo
{
    public const string DefaultBaseUrl = "https://api.xero.com/api.xro/2.0";
    public const string DefaultTokenUrl = "https://identity.xero.com/connect/token";

    public static ConnectorInfo Create() => new("xero", "Xero (accounting)", "1.0.0")
    {
        Settings =
        [
            new(XeroSettings.TenantIdKey, "Tenant id") { Required = true, Help = "The Xero organisation's tenant id (from the connections endpoint)." },
            new(XeroSettings.ClientIdKey, "Client id") { Required = true, Help = "The client id of your Xero app." },
            new(XeroSettings.ClientSecretKey, "Client secret") { Required = true, Secret = true, Help = "The client secret of your Xero app." },
            new(XeroSettings.RefreshTokenKey, "Refresh token") { Required = true, Secret = true, Help = "From the authorisation; Xero rotates it and SyncHub keeps the newest." },
            new(XeroSettings.AccessTokenKey, "Access token") { Secret = true, Help = "Optional; SyncHub gets one with the refresh token when missing or expiring." },
            new(XeroSettings.AccessTokenExpiresAtKey, "Access token expires at") { Help = "ISO-8601 time the access token expires, for example 2026-03-01T12:30:00Z." },
            new(XeroSettings.BaseUrlKey, "API base URL") { Kind = SettingKind.Url, Default = DefaultBaseUrl },
            new(XeroSettings.TokenUrlKey, "Token URL") { Kind = SettingKind.Url, Default = DefaultTokenUrl },
        ],
        EntityTypes = [.. XeroEntities.All.Select(entity => entity.EntityType)],
        RateLimits = new ConnectorRateLimits { MaxConcurrent = 5, PerMinute = 60, PerDay = 5000, PartitionSetting = XeroSettings.TenantIdKey },
    };
}
