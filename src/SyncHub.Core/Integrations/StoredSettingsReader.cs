using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>An integration's stored settings, decrypted for the forms and for a connection test.</summary>
public sealed class StoredSettingsReader(SettingsProtector settings)
{
    /// <summary>The stored settings as an object; empty when they cannot be decrypted (the keys are gone).</summary>
    public JsonObject Read(Integration integration)
    {
        try
        {
            return SettingsBuilder.ToObject(settings.Read(integration.SettingsJson));
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    /// <summary>The settings a connection test uses: the form's input over the stored settings (when editing).</summary>
    public ConnectorSettings Preview(IReadOnlyList<SettingField> fields, SettingsInput input, Integration? existing, FieldErrors errors)
    {
        var built = SettingsBuilder.Build(fields, input, existing is null ? null : Read(existing), errors);
        return ConnectorSettings.Parse(built.ToJsonString());
    }
}
