using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Reads the rendered body: a JSON object with <c>memberNumber</c>, <c>givenName</c>, <c>familyName</c>, <c>email</c>,
/// <c>phone</c>, <c>note</c> (strings) and <c>points</c> (a whole number: the balance of the member's Square loyalty
/// account). Square needs at least a name, an email or a phone number to create a customer. Any other field is refused
/// by name: Square has no place for it, and it would otherwise be lost without a word.
/// </summary>
internal static class MemberParser
{
    private const int MaxReferenceChars = 255;

    private const string PointsField = "points";

    private static readonly string[] TextFields = ["memberNumber", "givenName", "familyName", "email", "phone", "note"];

    /// <summary>The member, or the problems with the body (field names as the body writes them).</summary>
    public static (Member? Member, IReadOnlyList<FieldProblem> Problems) Parse(string body, string sourceId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, [new FieldProblem("body", "The rendered body is not JSON.")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new FieldProblem("body", "The rendered body must be a JSON object.")]);
            }

            var problems = new List<FieldProblem>();
            var text = TextFields.ToDictionary(name => name, name => Text(root, name, problems));
            var points = Points(root, problems);
            foreach (var unknown in root.EnumerateObject().Select(p => p.Name).Where(n => n != PointsField && !TextFields.Contains(n)).Take(10))
            {
                problems.Add(new FieldProblem(UntrustedText.OneLine(unknown, 100), "Square members have no such field; map it to one of memberNumber, givenName, familyName, email, phone, note or points, or leave it out."));
            }

            var reference = text["memberNumber"] ?? sourceId;
            if (reference.Length > MaxReferenceChars)
            {
                problems.Add(new FieldProblem("memberNumber", $"Must be at most {MaxReferenceChars} characters."));
            }

            if (text["email"] is { } email && !LooksLikeEmail(email))
            {
                problems.Add(new FieldProblem("email", "Is not an email address."));
            }

            if (text["givenName"] is null && text["familyName"] is null && text["email"] is null && text["phone"] is null)
            {
                problems.Add(new FieldProblem("givenName", "A member needs at least one of givenName, familyName, email or phone."));
            }

            return problems.Count > 0
                ? (null, problems)
                : (new Member(reference, text["givenName"], text["familyName"], text["email"], text["phone"], text["note"], points), []);
        }
    }

    // Square keeps whole points in a 32-bit balance.
    private static long? Points(JsonElement root, List<FieldProblem> problems)
    {
        if (!root.TryGetProperty(PointsField, out var points) || points.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (points.ValueKind != JsonValueKind.Number)
        {
            problems.Add(new FieldProblem(PointsField, "Must be a number."));
            return null;
        }

        if (!points.TryGetDecimal(out var value) || value != decimal.Truncate(value) || Math.Abs(value) > int.MaxValue)
        {
            problems.Add(new FieldProblem(PointsField, "Square keeps whole points: must be a whole number of at most 2,147,483,647."));
            return null;
        }

        return (long)value;
    }

    private static string? Text(JsonElement root, string name, List<FieldProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new FieldProblem(name, "Must be a string."));
            return null;
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
