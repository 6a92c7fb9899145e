using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyncHub.Core.Fixes;

/// <summary>
/// Rounds an amount to its currency's minor unit (ISO 4217 exponent, from a sibling <c>currency</c> or
/// <c>currencyCode</c> field; 2 when there is none or it is unknown), half away from zero. A number stays a number;
/// a numeric string ("12.345", "1,234.50") stays a string, without the thousands separators. Amounts that already
/// fit are left as they are.
/// </summary>
internal sealed partial class AmountFixer : IFieldFixer
{
    public string Kind => FixKinds.Amount;

    public bool Suggests(string normalizedKey) =>
        (normalizedKey.Contains("amount", StringComparison.Ordinal) || normalizedKey.Contains("total", StringComparison.Ordinal)
            || normalizedKey.Contains("price", StringComparison.Ordinal))
        && !normalizedKey.Contains("quantity", StringComparison.Ordinal) && !normalizedKey.Contains("qty", StringComparison.Ordinal)
        && !normalizedKey.Contains("count", StringComparison.Ordinal);

    public JsonNode? Fix(JsonValue value, JsonObject? siblings)
    {
        var exponent = CurrencyExponents.For(CurrencyOf(siblings));
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue<decimal>(out var number) && Round(number, exponent) is var rounded && rounded != number ? JsonValue.Create(rounded) : null;
        }

        return value.TryGetValue<string>(out var text) && Normalize(text, exponent) is { } fixedText && fixedText != text ? JsonValue.Create(fixedText) : null;
    }

    /// <returns>The rounded amount as invariant text, or null when the text is not a plain number.</returns>
    public static string? Normalize(string text, int exponent)
    {
        var candidate = text.Trim();
        if (!PlainNumber().IsMatch(candidate)
            || !decimal.TryParse(candidate.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var rounded = Round(amount, exponent);
        return rounded == amount && !candidate.Contains(',', StringComparison.Ordinal) ? candidate : rounded.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Rounds only when there are more decimals than the currency has; the scale of a fitting amount stays.</summary>
    public static decimal Round(decimal amount, int exponent)
    {
        var rounded = Math.Round(amount, exponent, MidpointRounding.AwayFromZero);
        return rounded == amount ? amount : rounded;
    }

    private static string? CurrencyOf(JsonObject? siblings)
    {
        foreach (var (key, node) in siblings ?? [])
        {
            if (FieldKeys.Normalize(key) is "currency" or "currencycode" && node is JsonValue value && value.TryGetValue<string>(out var code))
            {
                return code;
            }
        }

        return null;
    }

    // Digits with an optional sign, thousands groups of three separated by commas, and a decimal point.
    [GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
