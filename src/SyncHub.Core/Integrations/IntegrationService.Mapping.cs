using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Mapping;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

public sealed partial class IntegrationService
{
    public const int MaxTemplateLength = 65_536;
    public const int MaxEntityTypes = 50;

    /// <summary>Validates and saves the mapping; the error keys are <c>template</c>, <c>templates.&lt;type&gt;</c> and <c>mappingDefaults</c>.</summary>
    /// <returns>Null when saved, otherwise the validation errors (nothing is changed).</returns>
    public async Task<FieldErrors?> SaveMappingAsync(string slug, MappingRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ValidateTemplate(errors, "template", request.DefaultTemplate);
        var templates = request.Templates
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key.Trim(), t => t.Value!, StringComparer.Ordinal);
        if (templates.Count > MaxEntityTypes)
        {
            errors.Add("templates", $"At most {MaxEntityTypes} entity types can have their own template.");
        }

        foreach (var (entityType, template) in templates)
        {
            TextRules.Identifier(errors, MappingTemplates.Key(entityType), entityType);
            ValidateTemplate(errors, MappingTemplates.Key(entityType), template);
        }

        var defaults = ParseDefaults(errors, request.DefaultsJson);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
        if (integration is null)
        {
            errors.Add("integration", "does not exist.");
            return errors;
        }

        integration.MappingTemplate = string.IsNullOrWhiteSpace(request.DefaultTemplate) ? null : request.DefaultTemplate;
        integration.MappingTemplatesJson = templates.Count == 0 ? null : JsonSerializer.Serialize(templates);
        integration.MappingDefaultsJson = defaults;
        var types = templates.Count == 0 ? "none" : string.Join(", ", templates.Keys.Order(StringComparer.Ordinal));
        db.AuditLog.Add(Audit(actor, IntegrationAuditActions.Mapping, slug,
            $"default template {(integration.MappingTemplate is null ? "none" : "set")}; templates for: {types}; defaults for: {DefaultNames(defaults)}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void ValidateTemplate(FieldErrors errors, string key, string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return;
        }

        if (template.Length > MaxTemplateLength)
        {
            errors.Add(key, $"must be at most {MaxTemplateLength:N0} characters.");
            return;
        }

        foreach (var message in mapper.Validate(template))
        {
            errors.Add(key, message);
        }
    }

    /// <summary>The defaults to store (null for none), checked like the create API checks them.</summary>
    public static string? ParseDefaults(FieldErrors errors, string? json)
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

    private static string DefaultNames(string? defaults)
    {
        if (defaults is null)
        {
            return "none";
        }

        using var document = JsonDocument.Parse(defaults);
        return string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
