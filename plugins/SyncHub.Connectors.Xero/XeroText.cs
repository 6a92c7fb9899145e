using System.Text;
using System.Text.Json;

namespace SyncHub.Connectors.Xero;

/// <summary>Text from Xero is untrusted: one line, at most 500 characters, never half a surrogate pair.</summary>
internal static class XeroText
{
    public const int MaxChars = 500;

    public static string Clip(string? text, int maxChars = MaxChars)
    {
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= maxChars)
        {
            return collapsed;
        }

        var cut = char.IsHighSurrogate(collapsed[maxChars - 1]) ? maxChars - 1 : maxChars;
        return collapsed[..cut] + "…";
    }

    /// <summary>
    /// What an error body says: its <c>Message</c>, <c>Detail</c> or <c>Title</c> when it is a JSON object
    /// (Xero's error and problem shapes), otherwise the text itself; clipped.
    /// </summary>
    public static string Describe(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "Message", "Detail", "Title", "error_description", "error" })
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                        && !string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        return Clip(value.GetString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: say what the text says.
        }

        return Clip(Encoding.UTF8.GetString(body));
    }
}
