using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Checks settings against the fields a connector declares: required ones are present, URLs are absolute
/// http(s), paths are absolute without <c>..</c>, numbers are numbers, switches are booleans and JSON settings are
/// objects or arrays. Messages name the field by its label.
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

    /// <summary>
    /// Refuses settings no field declares: a misspelt name would otherwise be stored and silently ignored. Only new
    /// input is checked; settings an older version stored are kept as they are.
    /// </summary>
    public static void RefuseUndeclared(FieldErrors errors, IReadOnlyList<SettingField> fields, JsonObject settings)
    {
        var declared = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in settings)
        {
            if (!declared.Contains(name))
            {
                var shown = name.Length <= 100 ? name : name[..100] + "…";
                errors.Add(Key(shown), $"'{shown}' is not a setting of this connector; it declares {string.Join(", ", declared.Order(StringComparer.Ordinal))}.");
            }
        }
    }

    private static bool IsBlank(JsonNode? value) =>
        value is null || (value is JsonValue text && text.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    private static string? Check(SettingField field, JsonNode value)
    {
        switch (field.Kind)
        {
            case SettingKind.Boolean:
                return value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "must be on or off (true or false).";
            case SettingKind.Number:
                return value.GetValueKind() == JsonValueKind.Number ? null : "must be a number.";
            case SettingKind.Json:
                return value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array
                    ? value.ToJsonString().Length <= MaxValueLength ? null : $"must be at most {MaxValueLength} characters of JSON."
                    : "must be a JSON object or array.";
        }

        if (value is not JsonValue v || !v.TryGetValue<string>(out var textValue))
        {
            return "must be text.";
        }

        if (textValue.Length > MaxValueLength)
        {
            return $"must be at most {MaxValueLength} characters.";
        }

        return field.Kind switch
        {
            SettingKind.Url when !IsHttpUrl(textValue) => "must be an absolute http:// or https:// URL.",
            SettingKind.AbsolutePath when !IsAbsolutePath(textValue) => "must be an absolute path, such as /var/lib/synchub/drop, without '..'.",
            _ => null,
        };
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    // A relative path would depend on the working directory, and '..' could climb out of the folder an administrator means.
    private static bool IsAbsolutePath(string text) =>
        Path.IsPathFullyQualified(text.Trim()) && !text.Split('/', '\\').Any(segment => segment.Trim() == "..") && !text.Contains('\0', StringComparison.Ordinal);
}
