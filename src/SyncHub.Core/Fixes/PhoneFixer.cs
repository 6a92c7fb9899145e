using System.Text.Json.Nodes;

namespace SyncHub.Core.Fixes;

/// <summary>
/// Normalises a phone number to E.164 (<c>+</c> and 8–15 digits): keeps a leading <c>+</c>, turns a leading <c>00</c>
/// into <c>+</c>, drops spaces, dashes, dots and parentheses. Without a country code it only assumes one for a
/// 10-digit number starting with 2–9 (the North American plan: +1); anything else, letters (extensions), a
/// trunk <c>(0)</c> or an impossible length, is left as it is: a wrong country is worse than a refused field.
/// </summary>
internal sealed class PhoneFixer : IFieldFixer
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    public string Kind => FixKinds.Phone;

    public bool Suggests(string normalizedKey) =>
        normalizedKey.Contains("phone", StringComparison.Ordinal) || normalizedKey.Contains("mobile", StringComparison.Ordinal)
        || normalizedKey.StartsWith("tel", StringComparison.Ordinal) || normalizedKey.EndsWith("tel", StringComparison.Ordinal);

    public JsonNode? Fix(JsonValue value, JsonObject? siblings) =>
        value.TryGetValue<string>(out var text) && Normalize(text) is { } fixedText && fixedText != text ? JsonValue.Create(fixedText) : null;

    /// <returns>The E.164 form, or null when the text cannot be normalised safely.</returns>
    public static string? Normalize(string text)
    {
        var candidate = text.Trim();
        if (candidate.Length == 0 || candidate.Contains("(0)", StringComparison.Ordinal) || candidate.Skip(1).Any(c => !IsAllowed(c) || c == '+') || !IsAllowed(candidate[0]))
        {
            return null;
        }

        var international = candidate.StartsWith('+');
        var digits = string.Concat(candidate.Where(char.IsAsciiDigit));
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            digits = digits[2..];
        }

        if (international)
        {
            return digits.Length is >= MinDigits and <= MaxDigits && digits[0] != '0' ? "+" + digits : null;
        }

        return digits.Length == 10 && digits[0] is >= '2' and <= '9' ? "+1" + digits : null;
    }

    // A '+' is allowed only at the start (checked above); anywhere else the value is something other than a phone number.
    private static bool IsAllowed(char c) => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+' or '\u00A0';
}
