using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Mapping;
using SyncHub.Core.Plugins;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>Creates integrations, validating every field before anything is written.</summary>
public sealed class IntegrationCreator(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, IConnectorCatalog catalog, RecordMapper mapper, SettingsProtector settings, TimeProvider time)
{
    /// <param name="actor">Who is creating it from the dashboard; the audit log records it. Null (the API) writes no entry.</param>
    public async Task<CreateIntegrationResult> CreateAsync(CreateIntegrationRequest request, string? actor, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return new CreateIntegrationResult(CreateIntegrationOutcome.Invalid, Errors: errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Integrations.AnyAsync(i => i.Slug == request.Slug, cancellationToken))
        {
            return new CreateIntegrationResult(CreateIntegrationOutcome.SlugTaken);
        }

        var integration = new Integration
        {
            Slug = request.Slug!,
            Name = request.Name!.Trim(),
            Connector = catalog.Find(request.Connector!)!.Info.Name,
            SettingsJson = settings.Protect(request.Settings is { ValueKind: JsonValueKind.Object } raw ? raw.GetRawText() : "{}"),
            MappingTemplate = string.IsNullOrWhiteSpace(request.Mapping) ? null : request.Mapping,
            MappingDefaultsJson = request.MappingDefaults is { ValueKind: JsonValueKind.Object } defaults && defaults.EnumerateObject().Any() ? defaults.GetRawText() : null,
            Retry = RetryPolicyRules.ToPolicy(request.Retry),
            DuplicateDetection = request.DuplicateDetection ?? true,
            AutoFixes = request.AutoFixes is { } fixes ? AutoFixRules.Normalize(new FieldErrors(), fixes) : AutoFixRules.Normalize(new FieldErrors(), AutoFixRules.All),
            CreatedAt = time.GetUtcNow(),
        };
        db.Integrations.Add(integration);
        if (actor is not null)
        {
            db.AuditLog.Add(IntegrationAudit.Entry(time.GetUtcNow(), actor, IntegrationAuditActions.Create, integration.Slug,
                $"connector {integration.Connector}; settings {Names(request.Settings)}"));
        }
        try
        {
            await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new CreateIntegrationResult(CreateIntegrationOutcome.SlugTaken);
        }

        return new CreateIntegrationResult(CreateIntegrationOutcome.Created, integration);
    }

    public FieldErrors Validate(CreateIntegrationRequest request)
    {
        var errors = new FieldErrors();
        TextRules.Slug(errors, "slug", request.Slug);
        TextRules.Required(errors, "name", request.Name, 200);
        if (string.IsNullOrWhiteSpace(request.Connector))
        {
            errors.Add("connector", "is required.");
        }
        else if (catalog.Find(request.Connector) is null)
        {
            var known = string.Join(", ", catalog.Connectors.Select(c => c.Name));
            errors.Add("connector", $"'{request.Connector}' is not a loaded connector. Loaded: {known}.");
        }

        if (request.Settings is { } given && given.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            errors.Add("settings", "must be a JSON object.");
        }
        else if (request.Connector is not null && catalog.Find(request.Connector)?.Info is { Settings.Count: > 0 } info)
        {
            var values = request.Settings is { ValueKind: JsonValueKind.Object } sent ? JsonNode.Parse(sent.GetRawText())!.AsObject() : [];
            SettingsRules.Validate(errors, info.Settings, values);
            SettingsRules.RefuseUndeclared(errors, info.Settings, values);
        }

        AutoFixRules.Normalize(errors, request.AutoFixes);

        if (!string.IsNullOrWhiteSpace(request.Mapping))
        {
            foreach (var message in mapper.Validate(request.Mapping))
            {
                errors.Add("mapping", message);
            }
        }

        MappingDefaultsRules.Validate(errors, request.MappingDefaults);
        RetryPolicyRules.Validate(errors, request.Retry);
        return errors;
    }

    private static string Names(JsonElement? settings) =>
        settings is { ValueKind: JsonValueKind.Object } value && value.EnumerateObject().Any()
            ? string.Join(", ", value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
            : "none";
}
