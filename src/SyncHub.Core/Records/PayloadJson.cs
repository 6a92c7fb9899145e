using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SyncHub.Core.Records;

/// <summary>
/// Payload JSON typed by a person (edit-and-retry): parsed with the ingest rules (an object, at most
/// <see cref="PayloadText.MaxDepth"/> levels, valid text, <see cref="IngestService.MaxPayloadBytes"/>), a syntax error
/// reported with its line and column, and stored compact so formatting alone is never a change.
/// </summary>
internal static class PayloadJson
{
    private static readonly JsonWriterOptions CompactOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The compact payload, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static string? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is required: a JSON object.";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            problem = root.ValueKind != JsonValueKind.Object ? "must be a JSON object ({ ... })." : PayloadText.Check(root);
            var compact = problem is null ? Compact(root) : null;
            if (compact is { Length: > IngestService.MaxPayloadBytes })
            {
                problem = $"must be at most {IngestService.MaxPayloadBytes / 1024} KB.";
                return null;
            }

            return compact;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            problem = $"is not valid JSON at line {line + 1}, column {Column(text, line, ex.BytePositionInLine ?? 0)}: {Reason(ex)}";
            return null;
        }
    }

    /// <summary>The element without insignificant whitespace; text outside ASCII is kept as it is, not escaped.</summary>
    public static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactOutput))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The parser counts bytes; a person counts characters.
    private static long Column(string text, int line, long bytePosition)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytePosition + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 4." (zero-based); the message above has them one-based.
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        var end = new[] { cut, path }.Where(i => i >= 0).DefaultIfEmpty(message.Length).Min();
        return message[..end].Trim();
    }
}
