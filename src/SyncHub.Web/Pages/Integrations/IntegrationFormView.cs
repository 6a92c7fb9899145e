using SyncHub.Connectors;
using SyncHub.Core.Integrations;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>What the connection form shows: the form, its errors, the connectors to pick from and the last test.</summary>
public sealed record IntegrationFormView(
    IntegrationForm Form, FormErrors Errors, SettingsFieldsView Settings, IReadOnlyList<ConnectorInfo> Connectors, string Action)
{
    public bool Editing => Settings.Editing;

    public ConnectionTestReport? Test { get; init; }
}
