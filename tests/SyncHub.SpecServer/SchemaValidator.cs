using System.Text.Json;
using Microsoft.OpenApi;
using static SyncHub.Specs.SchemaTypes;

namespace SyncHub.Specs;

/// <summary>
/// Checks a JSON value against an OpenAPI schema: <c>type</c>, <c>nullable</c>, <c>required</c>, <c>properties</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>, <c>enum</c>, lengths and
/// (loosely) <c>format</c>. Read-only properties are ignored in requests, write-only ones in responses.
/// </summary>
internal sealed partial class SchemaValidator
{
    private const int MaxDepth = 64;
    private readonly bool _isRequest;
    private readonly bool _closed;

    /// <param name="isRequest">True for a request body (read-only properties ignored), false for a response.</param>
    /// <param name="closed">Treat every object schema that declares properties as if <c>additionalProperties</c> were false.</param>
    public SchemaValidator(bool isRequest, bool closed = false)
    {
        _isRequest = isRequest;
        _closed = closed;
    }

    public List<string> Problems { get; } = [];

    public void Validate(JsonElement value, IOpenApiSchema? schema, string path) => Validate(value, schema, path, 0, allowExtra: false);

    private void Validate(JsonElement value, IOpenApiSchema? schema, string path, int depth, bool allowExtra)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!IsNullable(schema))
            {
                Problems.Add($"{path}: null is not allowed");
            }

            return;
        }

        foreach (var part in AllOf(schema))
        {
            Validate(value, part, path, depth + 1, allowExtra: true);
        }

        ValidateAlternatives(value, OneOf(schema), "oneOf", path, depth);
        ValidateAlternatives(value, AnyOf(schema), "anyOf", path, depth);
        switch (Name(schema))
        {
            case "object":
                ValidateObject(value, schema, path, depth, allowExtra);
                break;
            case "array":
                ValidateArray(value, schema, path, depth);
                break;
            default:
                ValidateScalar(value, schema, path);
                break;
        }
    }

    private void ValidateObject(JsonElement value, IOpenApiSchema schema, string path, int depth, bool allowExtra)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Problems.Add($"{path}: expected an object, got {Describe(value)}");
            return;
        }

        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            var property = Properties(schema).TryGetValue(name, out var p) ? p : null;
            if (!value.TryGetProperty(name, out _) && !Skipped(property))
            {
                Problems.Add($"{path}: required property '{name}' is missing");
            }
        }

        var declaresProperties = Properties(schema).Count > 0 || AllOf(schema).Any(a => Properties(a).Count > 0);
        var closed = !allowExtra
            && (!schema.AdditionalPropertiesAllowed || AllOf(schema).Any(a => !a.AdditionalPropertiesAllowed) || (_closed && declaresProperties));
        foreach (var property in value.EnumerateObject())
        {
            var where = $"{path}.{property.Name}";
            if (Properties(schema).TryGetValue(property.Name, out var declared))
            {
                if (!Skipped(declared))
                {
                    Validate(property.Value, declared, where, depth + 1, allowExtra: false);
                }
            }
            else if (schema.AdditionalProperties is { } extra)
            {
                Validate(property.Value, extra, where, depth + 1, allowExtra: false);
            }
            else if (closed && !AllOf(schema).Any(a => Properties(a).ContainsKey(property.Name)))
            {
                Problems.Add($"{where}: property is not in the schema");
            }
        }
    }

    private void ValidateArray(JsonElement value, IOpenApiSchema schema, string path, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add($"{path}: expected an array, got {Describe(value)}");
            return;
        }

        var count = value.GetArrayLength();
        if (schema.MinItems is { } min && count < min)
        {
            Problems.Add($"{path}: has {count} items, fewer than minItems {min}");
        }

        if (schema.MaxItems is { } max && count > max)
        {
            Problems.Add($"{path}: has {count} items, more than maxItems {max}");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Validate(item, schema.Items, $"{path}[{index++}]", depth + 1, allowExtra: false);
        }
    }

    private void ValidateAlternatives(JsonElement value, IList<IOpenApiSchema> alternatives, string keyword, string path, int depth)
    {
        if (alternatives.Count == 0)
        {
            return;
        }

        foreach (var alternative in alternatives)
        {
            var trial = new SchemaValidator(_isRequest, _closed);
            trial.Validate(value, alternative, path, depth + 1, allowExtra: false);
            if (trial.Problems.Count == 0)
            {
                return;
            }
        }

        Problems.Add($"{path}: matches none of the {alternatives.Count} {keyword} schemas");
    }

    private bool Skipped(IOpenApiSchema? property) => property is not null && (_isRequest ? property.ReadOnly : property.WriteOnly);

    private static bool IsNullable(IOpenApiSchema schema) =>
        AllowsNull(schema) || AllOf(schema).Any(IsNullable) || OneOf(schema).Any(IsNullable) || AnyOf(schema).Any(IsNullable);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
