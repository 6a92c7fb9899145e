using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>The parts of a Square <c>Customer</c> the connector reads. Every value is untrusted text.</summary>
internal sealed record SquareCustomer(
    string Id,
    string? GivenName,
    string? FamilyName,
    string? Email,
    string? Phone,
    string? ReferenceId,
    string? CreatedAt,
    string? Note,
    long? Version)
{
    /// <summary>Reads a customer object; null when it has no id.</summary>
    public static SquareCustomer? From(JsonNode? node)
    {
        if (node is not JsonObject customer || Text(customer, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        return new SquareCustomer(
            id,
            Text(customer, "given_name"),
            Text(customer, "family_name"),
            Text(customer, "email_address"),
            Text(customer, "phone_number"),
            Text(customer, "reference_id"),
            Text(customer, "created_at"),
            Text(customer, "note"),
            customer["version"] is JsonValue version && version.TryGetValue<long>(out var v) ? v : null);
    }

    public string DisplayName
    {
        get
        {
            var name = string.Join(' ', new[] { GivenName, FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            return name.Length > 0 ? name : Email ?? Phone ?? Id;
        }
    }

    private static string? Text(JsonObject customer, string name) =>
        customer[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
