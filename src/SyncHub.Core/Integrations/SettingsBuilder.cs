using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Turns form input into the settings object to store. Declared fields take their typed value; a blank secret
/// keeps the stored one unless it is cleared; settings the connector reads but does not declare are kept.
/// </summary>
public static class SettingsBuilder
{
    public const string JsonKey = "settings";

    /// <param name="stored">The integration's current settings, or null for a new one.</param>
    public static JsonObject Build(IReadOnlyList<SettingField> fields, SettingsInput input, JsonObject? stored, FieldErrors errors)
    {
        if (fields.Count == 0)
        {
            return FromJson(input.Json, stored, errors);
        }

        var result = stored?.DeepClone().AsObject() ?? [];
        foreach (var field in fields)
        {
            var text = input.Values.TryGetValue(field.Name, out var entered) ? entered?.Trim() : null;
            if (field.Secret && string.IsNullOrEmpty(text))
            {
                if (input.Clear.Contains(field.Name))
                {
                    result.Remove(field.Name);
                }

                continue;
            }

            if (field.Kind == SettingKind.Json && !string.IsNullOrEmpty(text) && ParseJson(text) is null)
            {
                errors.Add(SettingsRules.Key(field.Name), $"{field.Label} must be a JSON object or array, for example {{\"name\": \"value\"}}.");
                continue;
            }

            var value = ToNode(field, text);
            if (stored is not null && !stored.ContainsKey(field.Name) && JsonNode.DeepEquals(value, DefaultOf(field)))
            {
                // Saving a form nobody touched must not turn the connector's implicit defaults into changed settings.
                continue;
            }

            result[field.Name] = value;
        }

        return result;
    }

    /// <summary>The settings as a JSON object (empty when they are missing or not an object).</summary>
    public static JsonObject ToObject(ConnectorSettings settings) =>
        JsonNode.Parse(settings.Root.GetRawText()) as JsonObject ?? [];

    private static JsonNode? DefaultOf(SettingField field) =>
        field.Default is { } value ? ToNode(field, value) : field.Kind == SettingKind.Boolean ? JsonValue.Create(false) : null;

    private static JsonNode? ToNode(SettingField field, string? text) => field.Kind switch
    {
        SettingKind.Boolean => JsonValue.Create(text is "true" or "on" or "True"),
        _ when string.IsNullOrEmpty(text) => null,
        SettingKind.Json => ParseJson(text!),
        SettingKind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            => number % 1 == 0 && Math.Abs(number) < 1e15 ? JsonValue.Create((long)number) : JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is { } node && node.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array ? node : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject FromJson(string? json, JsonObject? stored, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return stored?.DeepClone().AsObject() ?? [];
        }

        try
        {
            if (JsonNode.Parse(json) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
        }

        errors.Add(JsonKey, "Settings must be a JSON object, for example {\"url\": \"https://…\"}.");
        return stored?.DeepClone().AsObject() ?? [];
    }
}
