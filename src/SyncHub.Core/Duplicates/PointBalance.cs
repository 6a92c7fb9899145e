using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// A member's point balance, read from the payload's top-level <c>points</c> (or <c>pointBalance</c>,
/// <c>loyaltyPoints</c>) field. A merge adds the merged records' balances to the survivor's.
/// </summary>
internal static class PointBalance
{
    private static readonly string[] FieldNames = ["points", "pointBalance", "loyaltyPoints"];

    public static decimal? Read(string payload) =>
        JsonNode.Parse(payload) is JsonObject root && Find(root) is { } name ? ValueOf(root[name]) : null;

    /// <summary>The survivor's payload with the combined balance, or null when no payload carries points.</summary>
    public static (string Payload, decimal Before, decimal After)? Combine(string survivorPayload, IEnumerable<string> mergedPayloads)
    {
        var added = mergedPayloads.Select(Read).Where(p => p is not null).Sum(p => p!.Value);
        if (JsonNode.Parse(survivorPayload) is not JsonObject root || (added == 0 && Find(root) is null))
        {
            return null;
        }

        var name = Find(root) ?? FieldNames[0];
        var before = ValueOf(root[name]) ?? 0;
        root[name] = before + added;
        return (root.ToJsonString(), before, before + added);
    }

    private static string? Find(JsonObject root) => FieldNames.FirstOrDefault(root.ContainsKey);

    private static decimal? ValueOf(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue(out decimal number) => number,
        JsonValue value when value.TryGetValue(out string? text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
