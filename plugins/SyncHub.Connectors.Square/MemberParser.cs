using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Reads the rendered body: a JSON object with <c>memberNumber</c>, <c>givenName</c>, <c>familyName</c>, <c>email</c>,
/// <c>phone</c>, <c>note</c> (strings) and <c>points</c> (a number, accepted but not sent: Square keeps loyalty points in
/// its Loyalty API). Square needs at least a name, an email or a phone number to create a customer.
/// </summary>
internal static class MemberParser
{
    private const int MaxReferenceChars = 255;

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
            if (root.TryGetProperty("points", out var points) && points.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
            {
                problems.Add(new FieldProblem("points", "Must be a number."));
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
                : (new Member(reference, text["givenName"], text["familyName"], text["email"], text["phone"], text["note"]), []);
        }
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
