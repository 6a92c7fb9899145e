using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Http;

namespace SyncHub.Connectors.Xero.Auth;

/// <summary>
/// Xero's OAuth 2.0 token endpoint: trades the refresh token for a new access token (and a new refresh token).
/// The client id and secret go in Basic authentication (RFC 6749 §2.3.1); nothing it sends is ever put in a message.
/// </summary>
internal sealed class TokenEndpoint(HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(1800);

    public async Task<(TokenGrant? Grant, XeroFailure? Failure)> RefreshAsync(XeroSettings settings, string refreshToken, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]),
        };
        var credentials = $"{Uri.EscapeDataString(settings.ClientId)}:{Uri.EscapeDataString(settings.ClientSecret)}";
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ResponseBody.ReadAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode
            ? Parse(body, refreshToken, status)
            : (null, Refused(status, body, ResponseBody.RetryAfter(response, time.GetUtcNow())));
    }

    private (TokenGrant?, XeroFailure?) Parse(byte[] body, string oldRefreshToken, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "access_token") is not { } accessToken)
            {
                return (null, new XeroFailure(ErrorClass.SchemaMismatch, "Xero's token endpoint answered without an access_token.", status));
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            // Xero always rotates; should an answer ever lack one, the old refresh token is all there is.
            var refreshToken = Text(root, "refresh_token") ?? oldRefreshToken;
            return (new TokenGrant(accessToken, refreshToken, time.GetUtcNow() + lifetime), null);
        }
        catch (JsonException)
        {
            return (null, new XeroFailure(ErrorClass.SchemaMismatch, "Xero's token endpoint did not answer with JSON.", status));
        }
    }

    private static XeroFailure Refused(int status, byte[] body, TimeSpan? retryAfter)
    {
        if (status is 400 or 401)
        {
            var code = ErrorCode(body);
            return new XeroFailure(ErrorClass.Authentication,
                $"Xero refused the refresh token; re-authorise the connection to Xero and save the new refresh token (token endpoint: HTTP {status}{(code is null ? "" : ", " + code)}).",
                status);
        }

        var errorClass = HttpErrorClassifier.Classify(status);
        return new XeroFailure(errorClass, $"Xero's token endpoint answered HTTP {status}: {XeroText.Describe(body)}", status, retryAfter);
    }

    // Only the OAuth error code (invalid_grant, invalid_client, ...): a short token, safe to show.
    private static string? ErrorCode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var code = document.RootElement.ValueKind == JsonValueKind.Object ? Text(document.RootElement, "error") : null;
            return code is not null && code.Length <= 40 && code.All(c => char.IsAsciiLetterLower(c) || c == '_') ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString())
            ? value.GetString()
            : null;
}
