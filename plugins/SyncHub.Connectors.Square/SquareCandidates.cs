namespace SyncHub.Connectors.Square;

/// <summary>Square customers as duplicate candidates an administrator picks from, their text clipped.</summary>
internal static class SquareCandidates
{
    public const int MaxText = 200;

    public static List<SquareCustomer> SameEmail(SquareResponse response, string email) =>
        [.. response.Customers.Where(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))];

    public static DuplicateCandidate Of(SquareCustomer customer)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(fields, "email", customer.Email);
        Add(fields, "phone", customer.Phone);
        Add(fields, "reference_id", customer.ReferenceId);
        Add(fields, "created_at", customer.CreatedAt);
        Add(fields, "note", customer.Note);
        return new DuplicateCandidate(UntrustedText.OneLine(customer.Id, MaxText), UntrustedText.OneLine(customer.DisplayName, MaxText))
        {
            Fields = fields,
        };
    }

    private static void Add(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields[name] = UntrustedText.OneLine(value, MaxText);
        }
    }
}
