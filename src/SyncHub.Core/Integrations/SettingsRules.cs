using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Checks settings against the fields a connector declares: required ones are present, URLs are absolute
/// http(s), numbers are numbers and switches are booleans. Messages name the field by its label.
/// </summary>
public static class SettingsRules
{
    public const int MaxValueLength = 4000;

    /// <summary>The error key of one setting (API style), for example <c>settings.clientSecret</c>.</summary>
    public static string Key(string settingName) => "settings." + settingName;

    public static void Validate(FieldErrors errors, IReadOnlyList<SettingField> fields, JsonObject settings)
    {
        foreach (var field in fields)
        {
            var value = settings[field.Name];
            if (IsBlank(value))
            {
                if (field.Required)
                {
                    errors.Add(Key(field.Name), $"{field.Label} is required.");
                }

                continue;
            }

            if (Check(field, value!) is { } problem)
            {
                errors.Add(Key(field.Name), $"{field.Label} {problem}");
            }
        }
    }

    private static bool IsBlank(JsonNode? value) =>
        value is null || (value is JsonValue text && text.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    private static string? Check(SettingField field, JsonNode value)
    {
        if (field.Kind == SettingKind.Boolean)
        {
            return value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "must be on or off (true or false).";
        }

        if (field.Kind == SettingKind.Number)
        {
            return value.GetValueKind() == JsonValueKind.Number ? null : "must be a number.";
        }

        if (value is not JsonValue v || !v.TryGetValue<string>(out var textValue))
        {
            return "must be text.";
        }

        if (textValue.Length > MaxValueLength)
        {
            return $"must be at most {MaxValueLength} characters.";
        }

        return field.Kind == SettingKind.Url && !IsHttpUrl(textValue) ? "must be an absolute http:// or https:// URL." : null;
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
