using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Mapping;
using SyncHub.Core.Validation;
using SyncHub.Data;

namespace SyncHub.Core.Integrations;

/// <summary>Validates and saves an integration's mapping: the default template, one per entity type, and the defaults.</summary>
public sealed class IntegrationMappingWriter(IDbContextFactory<SyncHubDbContext> dbFactory, RecordMapper mapper, WriteGate writes, TimeProvider time)
{
    public const int MaxTemplateLength = 65_536;
    public const int MaxEntityTypes = 50;

    /// <summary>The error keys are <c>template</c>, <c>templates.&lt;type&gt;</c> and <c>mappingDefaults</c>.</summary>
    /// <returns>Null when saved, otherwise the validation errors (nothing is changed).</returns>
    public async Task<FieldErrors?> SaveAsync(string slug, MappingRequest request, string actor, CancellationToken cancellationToken)
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

        var defaults = MappingDefaultsParser.Parse(errors, request.DefaultsJson);
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
        db.AuditLog.Add(IntegrationAudit.Entry(time.GetUtcNow(), actor, IntegrationAuditActions.Mapping, slug,
            $"default template {(integration.MappingTemplate is null ? "none" : "set")}; templates for: {types}; defaults for: {MappingDefaultsParser.Names(defaults)}"));
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
}
