using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

/// <summary>
/// Turns an API change (fields left out keep their value) into the connection form's full request, which the pages'
/// <see cref="IntegrationService.UpdateAsync"/> saves: every declared field is sent, the stored value where the call
/// does not name it; a secret it does not name stays as stored, one set to null is cleared.
/// </summary>
internal static class IntegrationSettingsPatch
{
    public static UpdateIntegrationRequest? ToRequest(
        UpdateIntegrationBody body, Integration integration, JsonObject stored, IReadOnlyList<SettingField> fields, FieldErrors errors)
    {
        var given = body.Settings is { ValueKind: JsonValueKind.Object } settings ? JsonNode.Parse(settings.GetRawText())!.AsObject() : [];
        if (body.Settings is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            errors.Add("settings", "must be a JSON object.");
            return null;
        }

        var retry = new RetryPolicyRequest(
            body.Retry?.BaseDelaySeconds ?? integration.Retry.BaseDelaySeconds, body.Retry?.Factor ?? integration.Retry.Factor,
            body.Retry?.MaxDelaySeconds ?? integration.Retry.MaxDelaySeconds, body.Retry?.MaxAutomaticAttempts ?? integration.Retry.MaxAutomaticAttempts);
        return new UpdateIntegrationRequest(
            body.Name ?? integration.Name, Input(given, stored, fields), retry, body.DuplicateDetection ?? integration.DuplicateDetection,
            body.AutoFixes ?? [.. AutoFixRules.Parse(integration.AutoFixes)]);
    }

    private static SettingsInput Input(JsonObject given, JsonObject stored, IReadOnlyList<SettingField> fields)
    {
        if (fields.Count == 0)
        {
            // A connector that declares no fields stores one object: the given keys over the stored ones.
            var merged = stored.DeepClone().AsObject();
            foreach (var (name, value) in given)
            {
                if (value is null)
                {
                    merged.Remove(name);
                }
                else
                {
                    merged[name] = value.DeepClone();
                }
            }

            return new SettingsInput(new Dictionary<string, string?>(), new HashSet<string>(), merged.ToJsonString());
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var clear = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (given.TryGetPropertyValue(field.Name, out var value))
            {
                if (value is null && field.Secret)
                {
                    clear.Add(field.Name);
                }

                values[field.Name] = Text(value);
            }
            else if (!field.Secret)
            {
                // What the form would show: the stored value, else the connector's default (which then stays implicit).
                values[field.Name] = stored.ContainsKey(field.Name) ? Text(stored[field.Name]) : field.Default;
            }
        }

        return new SettingsInput(values, clear);
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
