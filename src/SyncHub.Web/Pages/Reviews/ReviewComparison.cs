using System.Text.Json;
using SyncHub.Core.Duplicates;

namespace SyncHub.Web.Pages.Reviews;

/// <summary>
/// The side-by-side table: one row per field, the record's value beside each candidate's. Field names are matched
/// loosely (email ↔ email_address) so the same fact lines up, and rows that differ are marked.
/// </summary>
public sealed record ReviewComparison(IReadOnlyList<ComparisonRow> Rows)
{
    private const int MaxRows = 30;

    public static ReviewComparison From(DuplicateReviewDetails details)
    {
        var record = Flatten(details.Record.Payload);
        var keys = record.Keys.Concat(details.Candidates.SelectMany(c => c.Fields.Keys))
            .GroupBy(Normalize).Select(g => g.First()).Take(MaxRows);
        var rows = keys.Select(key => new ComparisonRow(
            key,
            Find(record, key),
            [.. details.Candidates.Select(c => Find(c.Fields, key))])).ToList();
        return new ReviewComparison(rows);
    }

    private static string? Find(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.FirstOrDefault(f => Normalize(f.Key) == Normalize(key)).Value;

    // "email_address", "emailAddress" and "Email" all compare as "email".
    private static string Normalize(string key)
    {
        var letters = new string([.. key.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
        return letters.EndsWith("address", StringComparison.Ordinal) && letters.Length > 7 ? letters[..^7] : letters;
    }

    private static Dictionary<string, string> Flatten(string payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject().Take(MaxRows))
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON has nothing to compare; the raw payload is shown below the table.
        }

        return fields;
    }
}
