using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>What Square answered: status, the body as JSON (null when it is not JSON) and as text, and any Retry-After.</summary>
internal sealed record SquareResponse(int Status, JsonNode? Json, string Text, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The customers of a search answer (Square omits the array when there are none).</summary>
    public IReadOnlyList<SquareCustomer> Customers =>
        Json?["customers"] is JsonArray customers ? [.. customers.Select(SquareCustomer.From).OfType<SquareCustomer>()] : [];

    /// <summary>The cursor of a search answer's next page; null on the last page.</summary>
    public string? Cursor => Json?["cursor"] is JsonValue value && value.TryGetValue<string>(out var cursor) && cursor.Length > 0 ? cursor : null;

    /// <summary>The customer of a create, retrieve or update answer.</summary>
    public SquareCustomer? Customer => SquareCustomer.From(Json?["customer"]);
}
