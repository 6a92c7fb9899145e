using System.Globalization;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Compares the fields the expected record names with the destination's: text after trimming, and two numbers by value
/// (<c>1</c> and <c>1.00</c>). A destination record without fields only confirmed it exists, so nothing differs.
/// </summary>
internal static class FieldComparison
{
    public static List<FieldDifference> Differences(IReadOnlyDictionary<string, string?>? expected, IReadOnlyDictionary<string, string?>? held)
    {
        var differences = new List<FieldDifference>();
        if (expected is null || held is null)
        {
            return differences;
        }

        foreach (var (field, value) in expected.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var other = held.GetValueOrDefault(field);
            if (!Same(value, other))
            {
                differences.Add(new FieldDifference(field, value, other));
            }
        }

        return differences;
    }

    public static bool Same(string? a, string? b)
    {
        var left = string.IsNullOrWhiteSpace(a) ? null : a.Trim();
        var right = string.IsNullOrWhiteSpace(b) ? null : b.Trim();
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        return left is not null && right is not null
            && decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x == y;
    }
}
