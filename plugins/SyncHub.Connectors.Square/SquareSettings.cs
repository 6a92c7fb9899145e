using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>The integration's Square settings: what the connection form asks for, and reading them back.</summary>
internal sealed record SquareSettings(string AccessToken, Uri BaseUrl, string Version)
{
    public const string AccessTokenName = "accessToken";
    public const string BaseUrlName = "baseUrl";
    public const string VersionName = "squareVersion";
    public const string DefaultBaseUrl = "https://connect.squareup.com";

    /// <summary>The API version the connector was written and tested against (the spec's Square-Version default).</summary>
    public const string DefaultVersion = "2025-08-20";

    public static IReadOnlyList<SettingField> Fields { get; } =
    [
        new(AccessTokenName, "Access token")
        {
            Required = true,
            Secret = true,
            Help = "A Square access token (personal or OAuth) with the CUSTOMERS_READ and CUSTOMERS_WRITE permissions.",
        },
        new(BaseUrlName, "API base URL")
        {
            Kind = SettingKind.Url,
            Default = DefaultBaseUrl,
            Help = "https://connect.squareup.com for production, https://connect.squareupsandbox.com for the sandbox.",
        },
        new(VersionName, "Square-Version")
        {
            Default = DefaultVersion,
            Help = "The Square API version sent with every call.",
        },
    ];

    /// <summary>The settings, or why they cannot be used (never quoting the token).</summary>
    public static (SquareSettings? Settings, string? Problem) Read(ConnectorSettings settings)
    {
        var token = settings.GetString(AccessTokenName)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return (null, "Square setting 'accessToken' is missing.");
        }

        if (!token.All(c => c is > ' ' and <= '~'))
        {
            return (null, "Square setting 'accessToken' contains characters a token cannot have.");
        }

        var url = settings.GetString(BaseUrlName);
        url = string.IsNullOrWhiteSpace(url) ? DefaultBaseUrl : url.Trim();
        if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            return (null, "Square setting 'baseUrl' is not an absolute http(s) URL.");
        }

        var version = settings.GetString(VersionName);
        version = string.IsNullOrWhiteSpace(version) ? DefaultVersion : version.Trim();
        return version.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? (new SquareSettings(token, baseUrl, version), null)
            : (null, "Square setting 'squareVersion' is not a version such as 2025-08-20.");
    }

    /// <summary>The settings record's text never shows the token.</summary>
    public override string ToString() => $"Square at {BaseUrl} (version {Version})";
}
