using System.Text;
using System.Text.Json;

namespace SyncHub.Connectors.Webhook;

/// <summary>Reads what SyncHub needs from a webhook's answer, never trusting its size or shape.</summary>
internal static class WebhookResponseReader
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxMessageChars = 500;

    /// <summary>At most the first 64 KB (or <paramref name="maxBytes"/>) of the body: a misbehaving endpoint must not exhaust memory.</summary>
    public static Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = MaxBodyBytes) =>
        BoundedBody.ReadAsync(content, maxBytes, cancellationToken);

    /// <summary>The <c>id</c> of a JSON object body (string or number), or null for anything else.</summary>
    public static string? ExternalId(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("id", out var id))
            {
                return null;
            }

            return id.ValueKind switch
            {
                JsonValueKind.String => string.IsNullOrWhiteSpace(id.GetString()) ? null : id.GetString(),
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // The destination accepted the record; an odd success body only means there is no id to keep.
            return null;
        }
    }

    /// <summary>"HTTP 422 Unprocessable Entity: {body}", with the body on one line and cut to 500 characters.</summary>
    public static string FailureMessage(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        var text = UntrustedText.OneLine(Encoding.UTF8.GetString(body), MaxMessageChars);
        return text.Length == 0 ? $"HTTP {status} {reason}" : $"HTTP {status} {reason}: {text}";
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.NonValidated.TryGetValues("Retry-After", out var raw)
            && HttpErrorClassifier.ParseRetryAfter(raw.ToString(), now) is { } parsed)
        {
            return parsed;
        }

        var typed = response.Headers.RetryAfter;
        if (typed?.Delta is { } delta)
        {
            return delta;
        }

        return typed?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}
