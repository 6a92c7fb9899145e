using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

/// <summary>Turns a delivery request and the integration's settings into the HTTP POST to send.</summary>
internal static class WebhookRequestBuilder
{
    /// <summary>The setting with extra request headers, a JSON object of names and values.</summary>
    public const string HeadersSetting = "headers";

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    // Headers the connector owns: letting settings replace them would break idempotency or the framing.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        IdempotencyKeyHeader, "Content-Type", "Content-Length", "Transfer-Encoding",
    };

    /// <summary>The target from setting <c>url</c>, when it is an absolute http(s) URL.</summary>
    public static Uri? TargetUrl(ConnectorSettings settings)
    {
        var url = settings.GetString("url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }

    public static HttpRequestMessage Build(DeliveryRequest request, Uri target)
    {
        var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        AddHeaders(message, request.Settings);
        message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, request.IdempotencyKey);
        return message;
    }

    /// <summary>The GET that asks whether the destination holds a record, with the same extra headers (credentials).</summary>
    public static HttpRequestMessage BuildLookup(LookupRequest request, Uri target) => BuildLookup(request.Settings, request.IdempotencyKey, target);

    /// <summary>The same GET for reconciliation; a record SyncHub has never sent has no key to send.</summary>
    public static HttpRequestMessage BuildLookup(ConnectorSettings settings, string? idempotencyKey, Uri target)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, target);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AddHeaders(message, settings);
        if (idempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        return message;
    }

    public static HttpRequestMessage BuildFeedRead(ConnectorSettings settings, Uri target)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, target);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AddHeaders(message, settings);
        return message;
    }

    private static void AddHeaders(HttpRequestMessage message, ConnectorSettings settings)
    {
        if (settings.TryGet(HeadersSetting, out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (header.Value.ValueKind == JsonValueKind.String)
                {
                    AddCustom(message, header.Name, header.Value.GetString()!);
                }
            }
        }
    }

    private static void AddCustom(HttpRequestMessage message, string name, string value)
    {
        if (ReservedHeaders.Contains(name) || !HeaderSyntax.IsToken(name) || !HeaderSyntax.IsValue(value))
        {
            return;
        }

        // Content-* headers other than the reserved ones belong on the content, not the request.
        if (!message.Headers.TryAddWithoutValidation(name, value))
        {
            message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
