using System.Text.Json;
using SyncHub.Core.Mapping;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

/// <summary>Mapping defaults as the forms send them: checked like the create API checks them, stored as a JSON object or not at all.</summary>
public static class MappingDefaultsParser
{
    /// <summary>The defaults to store (null for none), checked like the create API checks them.</summary>
    public static string? Parse(FieldErrors errors, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            MappingDefaultsRules.Validate(errors, document.RootElement);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any()
                ? document.RootElement.GetRawText() : null;
        }
        catch (JsonException ex)
        {
            errors.Add(MappingDefaultsRules.Field, $"is not valid JSON: {ex.Message}");
            return null;
        }
    }

    /// <summary>The names the stored defaults cover, for the audit log.</summary>
    public static string Names(string? defaults)
    {
        if (defaults is null)
        {
            return "none";
        }

        using var document = JsonDocument.Parse(defaults);
        return string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
