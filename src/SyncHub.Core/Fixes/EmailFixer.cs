using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyncHub.Core.Fixes;

/// <summary>
/// Trims, lower-cases and strips a surrounding <c>&lt;…&gt;</c> or a <c>mailto:</c> prefix; only when the result is
/// a plausible address (ASCII, one @, a dotted domain), so a value that is not an email address is never touched.
/// </summary>
internal sealed partial class EmailFixer : IFieldFixer
{
    public string Kind => FixKinds.Email;

    public bool Suggests(string normalizedKey) => normalizedKey.Contains("email", StringComparison.Ordinal);

    public JsonNode? Fix(JsonValue value, JsonObject? siblings) =>
        value.TryGetValue<string>(out var text) && Normalize(text) is { } fixedText && fixedText != text ? JsonValue.Create(fixedText) : null;

    /// <returns>The normalised address, or null when the text does not become a valid-looking address.</returns>
    public static string? Normalize(string text)
    {
        var candidate = text.Trim();
        if (candidate.StartsWith('<') && candidate.EndsWith('>'))
        {
            candidate = candidate[1..^1].Trim();
        }

        if (candidate.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            candidate = candidate["mailto:".Length..].Trim();
        }

        if (candidate.StartsWith('<') && candidate.EndsWith('>'))
        {
            candidate = candidate[1..^1].Trim();
        }

        candidate = candidate.ToLowerInvariant();
        return candidate.Length <= 254 && Address().IsMatch(candidate) ? candidate : null;
    }

    [GeneratedRegex(@"^(?!\.)(?!.*\.\.)[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\.)@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
