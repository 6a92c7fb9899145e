using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>
/// The settings part of the connection form for one connector: its declared fields, or a JSON box when it
/// declares none. Which secrets are stored is known; their values never are.
/// </summary>
public sealed record SettingsFieldsView(ConnectorInfo? Connector, IntegrationForm Form, FormErrors Errors)
{
    /// <summary>Names of stored settings (editing only): secrets show "saved", a JSON box lists what is kept.</summary>
    public IReadOnlySet<string> StoredNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool Editing { get; init; }

    public bool FreeForm => Connector is not { Settings.Count: > 0 };

    public static IReadOnlySet<string> NamesOf(JsonObject stored) => stored.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    public string? ValueOf(SettingField field) => field.Secret ? null : Form.Settings.GetValueOrDefault(field.Name);

    public bool IsOn(SettingField field) => Form.Settings.GetValueOrDefault(field.Name) is "true" or "on" or "True";

    public static string InputType(SettingField field) => field.Secret ? "password" : field.Kind switch
    {
        SettingKind.Url => "url",
        SettingKind.Number => "number",
        _ => "text",
    };

    public static string IdOf(SettingField field) => "setting-" + field.Name;
}
