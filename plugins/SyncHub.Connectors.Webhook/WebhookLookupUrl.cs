namespace SyncHub.Connectors.Webhook;

/// <summary>
/// The optional setting <c>lookupUrl</c>: an absolute http(s) URL template where <c>{idempotencyKey}</c>,
/// <c>{sourceId}</c> and <c>{entityType}</c> are replaced by the record's values, URL-escaped so a value can
/// never change the host or path structure.
/// </summary>
internal static class WebhookLookupUrl
{
    public const string Setting = "lookupUrl";

    /// <summary>The template as configured, or null when look-ups are not set up.</summary>
    public static string? Template(ConnectorSettings settings)
    {
        var template = settings.GetString(Setting);
        return string.IsNullOrWhiteSpace(template) ? null : template.Trim();
    }

    /// <summary>The URL to GET for this record, or null when the template is not an absolute http(s) URL.</summary>
    public static Uri? Resolve(string template, LookupRequest request) =>
        Resolve(template, request.IdempotencyKey, request.SourceId, request.EntityType);

    /// <summary>Whether a configured template is usable, checked before any record is sent.</summary>
    public static bool IsValid(string template) => Resolve(template, "key", "source", "entity") is not null;

    /// <summary>Whether the template names the record by the key it was sent with.</summary>
    public static bool UsesIdempotencyKey(string template) => template.Contains("{idempotencyKey}", StringComparison.OrdinalIgnoreCase);

    public static Uri? Resolve(string template, string idempotencyKey, string sourceId, string entityType)
    {
        var url = template
            .Replace("{idempotencyKey}", Uri.EscapeDataString(idempotencyKey), StringComparison.OrdinalIgnoreCase)
            .Replace("{sourceId}", Uri.EscapeDataString(sourceId), StringComparison.OrdinalIgnoreCase)
            .Replace("{entityType}", Uri.EscapeDataString(entityType), StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }
}
