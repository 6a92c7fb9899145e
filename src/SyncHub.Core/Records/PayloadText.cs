using System.Text;
using System.Text.Json;

namespace SyncHub.Core.Records;

/// <summary>
/// Checks a pushed payload before it is stored: nesting depth, and text that can be written back out
/// (no invalid UTF-8, no unpaired surrogate escapes, no NUL), so what is accepted can always be stored, shown and sent.
/// </summary>
internal static class PayloadText
{
    public const int MaxDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>Null when the payload is fine, otherwise why not.</returns>
    public static string? Check(JsonElement payload) => Check(payload, 1);

    private static string? Check(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"must not nest deeper than {MaxDepth} levels.";
        }

        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var problem = CheckText(property.Name) ?? Check(property.Value, depth + 1);
                        if (problem is not null)
                        {
                            return problem;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Check(item, depth + 1) is { } problem)
                        {
                            return problem;
                        }
                    }

                    return null;
                case JsonValueKind.String:
                    return CheckText(element.GetString()!);
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return "contains text that is not valid UTF-8.";
        }
    }

    private static string? CheckText(string text)
    {
        // SQLite would keep it, PostgreSQL's jsonb refuses it: refused on both, so a payload means the same everywhere.
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return "contains the NUL character (\\u0000), which not every store can keep; remove it.";
        }

        try
        {
            StrictUtf8.GetByteCount(text);
            return null;
        }
        catch (EncoderFallbackException)
        {
            return "contains an unpaired surrogate (\\uD800–\\uDFFF) that no system can store.";
        }
    }
}
