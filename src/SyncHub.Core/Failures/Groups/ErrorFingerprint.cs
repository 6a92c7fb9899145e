using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SyncHub.Connectors;

namespace SyncHub.Core.Failures.Groups;

/// <summary>
/// The stable key of a failure's cause: integration, error class and the message with the parts that vary from
/// record to record (ids, numbers, GUIDs, hex, emails, quoted values, dates, times, URL query strings) replaced by
/// placeholders. "Invoice INV-1001 amount 12.50 refused" and "Invoice INV-2002 amount 7 refused" share one.
/// </summary>
public static partial class ErrorFingerprint
{
    /// <summary>Hex characters kept of the SHA-256; the column holds 64.</summary>
    public const int Length = 32;

    private const int MaxNormalizedLength = 500;

    public static string For(int integrationId, ErrorClass? errorClass, string? message)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{integrationId}|{errorClass}|{Normalize(message)}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>The message as the fingerprint sees it: what records of one group have in common.</summary>
    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }

        var text = message.Length > 4 * MaxNormalizedLength ? message[..(4 * MaxNormalizedLength)] : message;
        text = UrlQuery().Replace(text, "$1");
        text = Email().Replace(text, "<email>");
        text = Guid().Replace(text, "<guid>");
        text = Quoted().Replace(text, "<value>");
        text = DateTime().Replace(text, "<date>");
        text = Date().Replace(text, "<date>");
        text = Time().Replace(text, "<time>");
        text = Hex().Replace(text, "<hex>");
        text = Identifier().Replace(text, "<id>");
        text = Number().Replace(text, "<n>");
        text = Whitespace().Replace(text, " ").Trim().ToLowerInvariant();
        return text.Length <= MaxNormalizedLength ? text : text[..MaxNormalizedLength];
    }

    // The regular expressions are linear (no nested quantifiers) and the input is at most 2,000 characters.
    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^\s?#""'<>]+)[?#][^\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"\{?\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b\}?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Guid();

    // Quotes that open after a non-word character, so the apostrophes of "doesn't" and "isn't" are left alone.
    [GeneratedRegex(@"(?<!\w)(""[^""\r\n]{0,300}""|'[^'\r\n]{0,300}'(?!\w)|`[^`\r\n]{0,300}`|“[^”\r\n]{0,300}”|‘[^’\r\n]{0,300}’)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateTime();

    [GeneratedRegex(@"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[ap]m)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Time();

    // 0x-prefixed, or eight or more hex digits with at least one digit (a hash, a token), not a plain word like "deadbeef".
    [GeneratedRegex(@"\b(0x[0-9a-f]+|(?=[0-9a-f]*\d)[0-9a-f]{8,})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Hex();

    // A token of letters and digits (INV-1001, A12B, order_77): at least one of each.
    [GeneratedRegex(@"\b(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+([_-][a-z0-9]+)*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[-+]?\d+([.,]\d+)*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Whitespace();
}
