using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>The mapping editor: templates (default and per entity type), field defaults, and what to preview with.</summary>
public sealed class MappingForm
{
    public string? DefaultTemplate { get; set; }

    public Dictionary<string, string?> Templates { get; set; } = new(StringComparer.Ordinal);

    public string? NewEntityType { get; set; }

    public string? NewTemplate { get; set; }

    public string? DefaultsJson { get; set; }

    /// <summary>Which template to preview: an entity type, or empty for the default template.</summary>
    public string? PreviewEntityType { get; set; }

    public long? SampleRecordId { get; set; }

    public string? SampleJson { get; set; }

    public static MappingForm From(Integration integration) => new()
    {
        DefaultTemplate = integration.MappingTemplate,
        Templates = MappingTemplates.All(integration.MappingTemplatesJson).ToDictionary(t => t.Key, t => (string?)t.Value, StringComparer.Ordinal),
        DefaultsJson = integration.MappingDefaultsJson,
    };

    /// <summary>Every per-entity template, the "add another" one included.</summary>
    public Dictionary<string, string?> AllTemplates()
    {
        var all = new Dictionary<string, string?>(Templates, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(NewEntityType))
        {
            all[NewEntityType.Trim()] = NewTemplate;
        }

        return all;
    }

    public MappingRequest ToRequest() => new(DefaultTemplate, AllTemplates(), DefaultsJson);

    /// <summary>The template a record of <paramref name="entityType"/> would be rendered with, as entered.</summary>
    public string? TemplateFor(string? entityType) =>
        !string.IsNullOrEmpty(entityType) && AllTemplates().GetValueOrDefault(entityType) is { } own && !string.IsNullOrWhiteSpace(own)
            ? own
            : DefaultTemplate;
}
