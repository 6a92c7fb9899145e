using System.Text.Json;
using SyncHub.Core.Records;

namespace SyncHub.Core.Failures;

/// <summary>
/// A readable diff of two payloads, one line per changed JSON Pointer path: <c>~ /customer/email: "a@x" → "b@x"</c>,
/// <c>+ /phone: "…"</c>, <c>- /fax</c>. Values are shown as JSON, shortened; arrays are compared index by index.
/// </summary>
internal static class PayloadDiff
{
    public const int MaxLines = 200;
    private const int MaxValueLength = 120;

    public static List<string> Lines(string before, string after)
    {
        using var old = JsonDocument.Parse(before);
        using var current = JsonDocument.Parse(after);
        var lines = new List<string>();
        Compare(old.RootElement, current.RootElement, "", lines);
        if (lines.Count > MaxLines)
        {
            var more = lines.Count - MaxLines;
            lines.RemoveRange(MaxLines, more);
            lines.Add($"… and {more} more changes");
        }

        return lines;
    }

    private static void Compare(JsonElement before, JsonElement after, string path, List<string> lines)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            var afterNames = after.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var beforeNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in before.EnumerateObject().Where(p => beforeNames.Add(p.Name)))
            {
                var child = $"{path}/{Fixes.FieldKeys.PointerSegment(property.Name)}";
                if (afterNames.Contains(property.Name))
                {
                    Compare(property.Value, after.GetProperty(property.Name), child, lines);
                }
                else
                {
                    lines.Add($"- {child}");
                }
            }

            foreach (var property in after.EnumerateObject().Where(p => !beforeNames.Contains(p.Name)))
            {
                lines.Add($"+ {path}/{Fixes.FieldKeys.PointerSegment(property.Name)}: {Show(property.Value)}");
            }
        }
        else if (before.ValueKind == JsonValueKind.Array && after.ValueKind == JsonValueKind.Array)
        {
            var (old, current) = (before.EnumerateArray().ToList(), after.EnumerateArray().ToList());
            for (var i = 0; i < Math.Max(old.Count, current.Count); i++)
            {
                if (i >= current.Count)
                {
                    lines.Add($"- {path}/{i}");
                }
                else if (i >= old.Count)
                {
                    lines.Add($"+ {path}/{i}: {Show(current[i])}");
                }
                else
                {
                    Compare(old[i], current[i], $"{path}/{i}", lines);
                }
            }
        }
        else if (!JsonElement.DeepEquals(before, after))
        {
            lines.Add($"~ {(path.Length == 0 ? "/" : path)}: {Show(before)} → {Show(after)}");
        }
    }

    private static string Show(JsonElement value)
    {
        var json = PayloadJson.Compact(value);
        return json.Length <= MaxValueLength ? json : json[..(MaxValueLength - 1)] + "…";
    }
}
