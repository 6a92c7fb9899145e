using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static SyncHub.Specs.SchemaTypes;

namespace SyncHub.Specs;

internal sealed partial class SchemaValidator
{
    /// <summary>Checks a parameter's text (path, query or header value) as if it were a JSON scalar of the schema's type.</summary>
    public void ValidateText(string text, IOpenApiSchema? schema, string path)
    {
        if (schema is null)
        {
            return;
        }

        var type = Name(schema);
        if (type == "array")
        {
            foreach (var item in text.Split(','))
            {
                ValidateText(item, schema.Items, path);
            }

            return;
        }

        var json = type switch
        {
            "integer" or "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => text,
            "boolean" when text is "true" or "false" => text,
            _ => JsonSerializer.Serialize(text),
        };
        using var document = JsonDocument.Parse(json);
        ValidateScalar(document.RootElement, schema, path);
    }

    private void ValidateScalar(JsonElement value, IOpenApiSchema schema, string path)
    {
        var type = Name(schema);
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!ok)
        {
            Problems.Add($"{path}: expected {type}, got {Describe(value)}");
            return;
        }

        var allowedValues = schema.Enum ?? [];
        if (allowedValues.Count > 0 && !allowedValues.Any(e => Matches(e, value)))
        {
            var allowed = string.Join(", ", allowedValues.Take(12).Select(EnumText));
            Problems.Add($"{path}: {value.GetRawText()} is not one of the allowed values ({allowed}{(allowedValues.Count > 12 ? ", …" : "")})");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            ValidateString(value.GetString()!, schema, path);
        }
    }

    private void ValidateString(string text, IOpenApiSchema schema, string path)
    {
        if (schema.MaxLength is { } max && text.Length > max)
        {
            Problems.Add($"{path}: is {text.Length} characters long, more than maxLength {max}");
        }

        if (schema.MinLength is { } min && text.Length < min)
        {
            Problems.Add($"{path}: is {text.Length} characters long, fewer than minLength {min}");
        }

        var ok = schema.Format switch
        {
            "uuid" => Guid.TryParse(text, out _),
            "date" or "date-time" => IsDate(text),
            _ => true,
        };
        if (!ok)
        {
            Problems.Add($"{path}: \"{Shorten(text)}\" is not a valid {schema.Format}");
        }
    }

    // Loose on purpose: some providers (Xero) also accept their own date notations.
    private static bool IsDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
        || text.StartsWith("/Date(", StringComparison.Ordinal);

    private static bool Matches(JsonNode? allowed, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => EnumText(allowed) == value.GetString(),
        JsonValueKind.Number => double.TryParse(EnumText(allowed), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == value.GetDouble(),
        JsonValueKind.True => EnumText(allowed) == "true",
        JsonValueKind.False => EnumText(allowed) == "false",
        _ => false,
    };

    private static string EnumText(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
