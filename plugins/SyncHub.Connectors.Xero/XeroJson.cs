using System.Text.Json;

namespace SyncHub.Connectors.Xero;

/// <summary>Reads Xero's answers without trusting their shape.</summary>
internal static class XeroJson
{
    /// <summary>The first object in the root's <paramref name="collection"/> array (for example <c>Invoices</c>), if any.</summary>
    public static JsonElement? FirstItem(JsonElement root, string collection) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(collection, out var items) && items.ValueKind == JsonValueKind.Array
            && items.GetArrayLength() > 0 && items[0].ValueKind == JsonValueKind.Object
                ? items[0]
                : null;

    /// <summary>A non-blank string property, clipped to <paramref name="maxChars"/>.</summary>
    public static string? Text(JsonElement item, string name, int maxChars) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
                ? UntrustedText.OneLine(value.GetString(), maxChars)
                : null;
}
