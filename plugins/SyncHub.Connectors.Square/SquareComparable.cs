using System.Text.Json;

namespace SyncHub.Connectors.Square;

/// <summary>
/// What reconciliation compares of a store member: the customer fields a delivery writes, with Square's names. Emails
/// are compared in lower case and phone numbers by their digits (and a leading +), since Square may reformat both.
/// Points are not compared: they stay in SyncHub.
/// </summary>
internal static class SquareComparable
{
    public static Dictionary<string, string?> Of(Member member) => Fields(member.GivenName, member.FamilyName, member.Email, member.Phone, member.Note);

    public static Dictionary<string, string?> Of(SquareCustomer customer) =>
        Fields(customer.GivenName, customer.FamilyName, customer.Email, customer.Phone, customer.Note);

    /// <summary>The reference a body would be delivered with, even when the body is one Square would refuse.</summary>
    public static string Reference(string body, string sourceId)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("memberNumber", out var number)
                && number.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(number.GetString())
                    ? number.GetString()!.Trim()
                    : sourceId;
        }
        catch (JsonException)
        {
            return sourceId;
        }
    }

    private static Dictionary<string, string?> Fields(string? given, string? family, string? email, string? phone, string? note)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(fields, "given_name", given);
        Add(fields, "family_name", family);
        Add(fields, "email_address", email?.Trim().ToLowerInvariant());
        Add(fields, "phone_number", phone is null ? null : new string([.. phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0))]));
        Add(fields, "note", note);
        return fields;
    }

    private static void Add(Dictionary<string, string?> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields[name] = UntrustedText.OneLine(value.Trim(), 200);
        }
    }
}
