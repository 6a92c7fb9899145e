using System.Text;
using System.Text.Json;

namespace SyncHub.Connectors.Xero;

/// <summary>What Xero's error bodies say, as untrusted text clipped to one line.</summary>
internal static class XeroText
{
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
                        return UntrustedText.OneLine(value.GetString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: say what the text says.
        }

        return UntrustedText.OneLine(Encoding.UTF8.GetString(body));
    }
}
