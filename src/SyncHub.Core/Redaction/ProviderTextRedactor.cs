using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SyncHub.Connectors;

namespace SyncHub.Core.Redaction;

/// <summary>
/// Cuts credentials out of text a connector or its destination produced (an error body echoing the request's
/// headers, an exception message, a source's error) before SyncHub stores, shows, logs or sends it: the
/// integration's own secret setting values, and whatever is shaped like a credential (Authorization and API-key
/// header values, bearer and basic tokens, JWTs, credential fields and query parameters, passwords in URLs).
/// Redacting redacted text changes nothing, so stored text can be passed through it again.
/// </summary>
public sealed partial class ProviderTextRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>Shorter secret values are not searched for: they would cut ordinary words out of every message.</summary>
    public const int MinSecretLength = 4;

    private const string Names =
        @"access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|session[_-]?token|api[_-]?key|apikey|client[_-]?secret|"
        + @"secret|password|passwd|token|private[_-]?key|signature|authorization|proxy-authorization|x-api-key|x-auth-token|x-access-token|cookie|set-cookie";

    private const int MatchTimeoutMs = 200;

    /// <summary>What is left of a text too tangled to check within the time limit: better nothing than a credential.</summary>
    private const string Unchecked = "[redacted: the text could not be checked for credentials]";

    private static readonly ConditionalWeakTable<ConnectorSettings, BuiltRedactor> Built = [];

    private readonly string[] _secrets;

    /// <param name="secrets">Values to cut out wherever they appear, also JSON- or URL-encoded.</param>
    public ProviderTextRedactor(IEnumerable<string> secrets)
    {
        _secrets = [.. secrets
            .Select(s => s.Trim())
            .Where(s => s.Length >= MinSecretLength && !Mask.Contains(s, StringComparison.Ordinal))
            .SelectMany(Encodings)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
    }

    /// <summary>Only the credential shapes, for text whose integration is not known.</summary>
    public static ProviderTextRedactor Patterns { get; } = new([]);

    /// <summary>The secret values an integration's settings hold: every field its connector declares secret (every string of a JSON one).</summary>
    public static IEnumerable<string> SecretsOf(IReadOnlyList<SettingField> fields, ConnectorSettings settings) =>
        fields.Where(f => f.Secret).SelectMany(f => settings.TryGet(f.Name, out var value) ? Strings(value) : []);

    /// <summary>
    /// The redactor of one integration's settings. Settings are immutable and shared while an integration is unchanged, so
    /// the redactor is built once per settings and connector, not once per delivered record.
    /// </summary>
    public static ProviderTextRedactor For(IReadOnlyList<SettingField> fields, ConnectorSettings settings)
    {
        if (Built.TryGetValue(settings, out var built) && ReferenceEquals(built.Fields, fields))
        {
            return built.Redactor;
        }

        var redactor = new ProviderTextRedactor(SecretsOf(fields, settings));
        Built.AddOrUpdate(settings, new BuiltRedactor(fields, redactor));
        return redactor;
    }

    public bool HasSecrets => _secrets.Length > 0;

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        foreach (var secret in _secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        try
        {
            result = QuotedField().Replace(result, m => m.Groups["name"].Value + Mask + "\"");
            result = HeaderValue().Replace(result, m => m.Groups["name"].Value + Mask);
            result = FormValue().Replace(result, m => m.Groups["name"].Value + Mask);
            result = SchemeToken().Replace(result, m => m.Groups["scheme"].Value + Mask);
            result = Jwt().Replace(result, Mask);
            return UrlPassword().Replace(result, m => m.Groups["scheme"].Value + Mask + "@");
        }
        catch (RegexMatchTimeoutException)
        {
            return Unchecked;
        }
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    // A destination may echo a secret as it is, JSON-escaped or URL-encoded.
    private static IEnumerable<string> Encodings(string secret)
    {
        yield return secret;
        yield return JsonEncodedText.Encode(secret).ToString();
        yield return JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        yield return Uri.EscapeDataString(secret);
    }

    /// <summary>A JSON field with a credential's name: <c>"access_token": "…"</c>, <c>"Authorization":"Bearer …"</c>.</summary>
    [GeneratedRegex(@"(?<name>(?>""(?:" + Names + @")""\s*:\s*\[?\s*""))(?!\[redacted\]"")(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex QuotedField();

    /// <summary>A header line or a loosely quoted pair: <c>Authorization: Bearer …</c>, <c>'x-api-key': '…'</c>, to the end of the line or quote.</summary>
    [GeneratedRegex(@"(?<name>(?<![\w-])(?>(?:proxy-authorization|authorization|x-api-key|api-key|x-auth-token|x-access-token|cookie|set-cookie)['""]?\s*[:=]\s*['""]?))(?!\[redacted\])[^'""\r\n]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex HeaderValue();

    /// <summary>A form field or query parameter: <c>?access_token=…</c>, <c>client_secret=…</c>.</summary>
    [GeneratedRegex(@"(?<name>(?<![\w-])(?:" + Names + @")=)(?!\[redacted\])[^\s&""'<>,;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex FormValue();

    /// <summary>
    /// An authorization scheme with its credential: <c>Bearer EAAAl…</c>, <c>Basic dXNlcjpw…</c>. The credential needs 8 or
    /// more token characters with a capital, digit or symbol after the first, so prose ("Basic authentication") is left alone.
    /// </summary>
    [GeneratedRegex(@"(?<scheme>(?<![\w-])(?i:bearer|basic|token|digest)\s+)(?=[A-Za-z0-9._~+/-]{8,})(?=.[A-Za-z0-9._~+/-]*?[A-Z0-9._~+/-])[A-Za-z0-9._~+/-]+=*", RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex SchemeToken();

    /// <summary>A JSON Web Token, wherever it appears.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex Jwt();

    /// <summary>A user and password in a URL: <c>https://user:pass@host</c>.</summary>
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)[^/\s:@""']+:[^/\s@""']+@", RegexOptions.CultureInvariant, MatchTimeoutMs)]
    private static partial Regex UrlPassword();
}
