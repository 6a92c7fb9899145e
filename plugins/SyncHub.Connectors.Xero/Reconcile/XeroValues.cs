using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SyncHub.Connectors.Xero.Reconcile;

/// <summary>Reads values from a Xero item (or a rendered body) the same way on both sides of a comparison.</summary>
internal static partial class XeroValues
{
    private const int MaxValueChars = 200;

    /// <summary>A property by name, ignoring case as Xero does.</summary>
    public static JsonElement? Property(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A string, number or boolean as text (trimmed, clipped); null for anything else or an absent property.</summary>
    public static string? Text(JsonElement item, string name) => Property(item, name) is { } value ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => UntrustedText.OneLine(value.GetString()!.Trim(), MaxValueChars),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>
    /// A date as <c>yyyy-MM-dd</c>: Xero answers <c>/Date(1772323200000+0000)/</c> and <c>DateString</c>
    /// (<c>2026-03-01T00:00:00</c>), a mapping writes <c>2026-03-01</c>. Other text is kept as it is.
    /// </summary>
    public static string? Date(JsonElement item, string name)
    {
        var text = Text(item, name + "String") ?? Text(item, name);
        if (text is null)
        {
            return null;
        }

        if (MicrosoftDate().Match(text) is { Success: true } match
            && long.TryParse(match.Groups["ms"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return IsoDay().IsMatch(text) ? text[..10] : text;
    }

    [GeneratedRegex(@"^/Date\((?<ms>-?\d+)([+-]\d{4})?\)/$")]
    private static partial Regex MicrosoftDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}($|T)")]
    private static partial Regex IsoDay();
}
