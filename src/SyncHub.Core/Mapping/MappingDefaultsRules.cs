using System.Text.Json;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Mapping;

/// <summary>What an integration's mapping defaults may hold: a small JSON object of non-null values.</summary>
public static class MappingDefaultsRules
{
    public const string Field = "mappingDefaults";
    public const int MaxFields = 100;
    public const int MaxLength = 16_384;
    public const int MaxNameLength = 200;
    public const int MaxDepth = 5;

    public static void Validate(FieldErrors errors, JsonElement? defaults)
    {
        if (defaults is not { ValueKind: not JsonValueKind.Null } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Field, "must be a JSON object of payload field → default value.");
            return;
        }

        if (value.GetRawText().Length > MaxLength)
        {
            errors.Add(Field, $"must be at most {MaxLength} characters of JSON.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            ValidateField(errors, property, names);
        }

        if (names.Count > MaxFields)
        {
            errors.Add(Field, $"must have at most {MaxFields} fields.");
        }
    }

    private static void ValidateField(FieldErrors errors, JsonProperty property, HashSet<string> names)
    {
        var name = property.Name;
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            errors.Add(Field, $"field names must be 1 to {MaxNameLength} characters.");
        }
        else if (!names.Add(name))
        {
            errors.Add(Field, $"names '{name}' more than once.");
        }
        else if (property.Value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(Field, $"'{name}' needs a value: a default cannot be null.");
        }
        else if (Depth(property.Value) > MaxDepth)
        {
            errors.Add(Field, $"'{name}' nests deeper than {MaxDepth} levels.");
        }
    }

    private static int Depth(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => 1 + element.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + element.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
