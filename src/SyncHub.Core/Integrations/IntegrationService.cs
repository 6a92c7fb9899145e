using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>
/// The entry point the pages, the API and the demo use for integrations: create (<see cref="IntegrationCreator"/>),
/// find, edit the connection (<see cref="IntegrationUpdater"/>) and the mapping (<see cref="IntegrationMappingWriter"/>),
/// and read the stored settings back (<see cref="StoredSettingsReader"/>).
/// </summary>
public sealed class IntegrationService(
    IntegrationCreator creator, IntegrationUpdater updater, IntegrationMappingWriter mappings, StoredSettingsReader stored, IntegrationLookup lookup)
{
    public Task<CreateIntegrationResult> CreateAsync(CreateIntegrationRequest request, CancellationToken cancellationToken) =>
        creator.CreateAsync(request, null, cancellationToken);

    /// <param name="actor">Who is creating it from the dashboard; the audit log records it. Null (the API) writes no entry.</param>
    public Task<CreateIntegrationResult> CreateAsync(CreateIntegrationRequest request, string? actor, CancellationToken cancellationToken) =>
        creator.CreateAsync(request, actor, cancellationToken);

    public FieldErrors Validate(CreateIntegrationRequest request) => creator.Validate(request);

    public Task<Integration?> FindAsync(string slug, CancellationToken cancellationToken) => lookup.FindAsync(slug, cancellationToken);

    public Task<List<Integration>> ListAsync(CancellationToken cancellationToken) => lookup.ListAsync(cancellationToken);

    /// <inheritdoc cref="IntegrationUpdater"/>
    /// <returns>Null when saved, otherwise the validation errors.</returns>
    public Task<FieldErrors?> UpdateAsync(string slug, UpdateIntegrationRequest request, string actor, CancellationToken cancellationToken) =>
        updater.UpdateAsync(slug, request, actor, cancellationToken);

    /// <summary>Validates and saves the mapping; the error keys are <c>template</c>, <c>templates.&lt;type&gt;</c> and <c>mappingDefaults</c>.</summary>
    /// <returns>Null when saved, otherwise the validation errors (nothing is changed).</returns>
    public Task<FieldErrors?> SaveMappingAsync(string slug, MappingRequest request, string actor, CancellationToken cancellationToken) =>
        mappings.SaveAsync(slug, request, actor, cancellationToken);

    /// <summary>The settings a connection test uses: the form's input over the stored settings (when editing).</summary>
    public ConnectorSettings PreviewSettings(IReadOnlyList<SettingField> fields, SettingsInput input, Integration? existing, FieldErrors errors) =>
        stored.Preview(fields, input, existing, errors);

    /// <summary>The stored settings as an object; empty when they cannot be decrypted (the keys are gone).</summary>
    public JsonObject StoredSettings(Integration integration) => stored.Read(integration);
}
