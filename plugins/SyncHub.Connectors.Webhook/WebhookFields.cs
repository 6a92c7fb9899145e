using System.Globalization;
using System.Text.Json;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// A JSON object's scalar values by path (<c>customer.name</c>, <c>lines[0].amount</c>), the shape reconciliation compares.
/// Bounded: at most 200 fields, 8 levels deep and 200 characters per value, since an answer is untrusted.
/// </summary>
internal static class WebhookFields
{
    private const int MaxFields = 200;
    private const int MaxDepth = 8;
    private const int MaxValueChars = 200;

    /// <summary>The fields of a JSON object; null when the text is not one.</summary>
    public static Dictionary<string, string?>? Of(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Of(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fields of a JSON object; null when the bytes are not one.</summary>
    public static Dictionary<string, string?>? Of(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Of(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string?>? Of(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(root, "", 0, fields);
        return fields;
    }

    private static void Walk(JsonElement element, string path, int depth, Dictionary<string, string?> fields)
    {
        if (fields.Count >= MaxFields)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, depth + 1, fields);
                }

                break;
            case JsonValueKind.Array when depth < MaxDepth:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, fields);
                    index++;
                }

                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                fields[path] = Clip(element.GetRawText());
                break;
            case JsonValueKind.String:
                fields[path] = Clip(element.GetString()!);
                break;
            case JsonValueKind.Null:
                fields[path] = null;
                break;
            default:
                fields[path] = element.GetRawText();
                break;
        }
    }

    private static string Clip(string text) => UntrustedText.Truncate(text, MaxValueChars);
}
