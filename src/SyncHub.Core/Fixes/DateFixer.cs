using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncHub.Core.Fixes;

/// <summary>
/// Rewrites a date in a common format as ISO 8601 (<c>yyyy-MM-dd</c>), invariant culture. Day/month order is
/// guessed only when it cannot be wrong: in <c>dd/MM/yyyy</c> versus <c>MM/dd/yyyy</c> one part must be above 12
/// (or both equal). Values with a time, or already ISO, are left alone.
/// </summary>
internal sealed class DateFixer : IFieldFixer
{
    private const string Iso = "yyyy-MM-dd";

    private static readonly string[] Formats =
    [
        "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd",
        "d MMM yyyy", "d MMMM yyyy", "dd MMM yyyy", "dd MMMM yyyy", "d-MMM-yyyy", "dd-MMM-yyyy",
        "MMM d, yyyy", "MMMM d, yyyy", "MMM dd, yyyy", "MMMM dd, yyyy", "MMM d yyyy", "MMMM d yyyy",
    ];

    public string Kind => FixKinds.Date;

    public bool Suggests(string normalizedKey) => normalizedKey.Contains("date", StringComparison.Ordinal);

    public JsonNode? Fix(JsonValue value, JsonObject? siblings) =>
        value.TryGetValue<string>(out var text) && Normalize(text) is { } fixedText && fixedText != text ? JsonValue.Create(fixedText) : null;

    /// <returns>The ISO date, or null when the text is not a date in a known, unambiguous format.</returns>
    public static string? Normalize(string text)
    {
        var candidate = text.Trim();
        if (candidate.Length is 0 or > 40)
        {
            return null;
        }

        if (DateOnly.TryParseExact(candidate, Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso.ToString(Iso, CultureInfo.InvariantCulture);
        }

        if (DateOnly.TryParseExact(candidate, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var date))
        {
            return date.ToString(Iso, CultureInfo.InvariantCulture);
        }

        return DayMonthYear(candidate)?.ToString(Iso, CultureInfo.InvariantCulture);
    }

    // "03/14/2025" is March (14 cannot be a month), "14/03/2025" too; "03/04/2025" is refused, "05/05/2025" is May either way.
    private static DateOnly? DayMonthYear(string text)
    {
        var parts = text.Split('/', '-');
        if (parts.Length != 3 || parts[2].Length != 4 || parts[0].Length is 0 or > 2 || parts[1].Length is 0 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var (day, month) = first > 12 && second <= 12 ? (first, second)
            : second > 12 && first <= 12 ? (second, first)
            : first == second ? (first, second)
            : (0, 0);
        return month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
