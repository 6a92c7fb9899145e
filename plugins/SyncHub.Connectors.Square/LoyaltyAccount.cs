using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>The parts of a Square <c>LoyaltyAccount</c> the connector reads. The ids are untrusted text.</summary>
internal sealed record LoyaltyAccount(string Id, string? CustomerId, long Balance)
{
    /// <summary>Reads an account object; null when it has no id.</summary>
    public static LoyaltyAccount? From(JsonNode? node)
    {
        if (node is not JsonObject account || Text(account, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var balance = account["balance"] is JsonValue value && value.TryGetValue<long>(out var points) ? points : 0;
        return new LoyaltyAccount(id, Text(account, "customer_id"), balance);
    }

    /// <summary>The accounts of a search answer (Square omits the array when there are none).</summary>
    public static IReadOnlyList<LoyaltyAccount> ListFrom(JsonNode? json) =>
        json?["loyalty_accounts"] is JsonArray accounts ? [.. accounts.Select(From).OfType<LoyaltyAccount>()] : [];

    private static string? Text(JsonObject account, string name) =>
        account[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
