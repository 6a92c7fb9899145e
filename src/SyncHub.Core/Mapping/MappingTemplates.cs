using System.Collections.Concurrent;
using System.Text.Json;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Mapping;

/// <summary>
/// Which template renders a record: the integration's template for the record's entity type
/// (<see cref="Integration.MappingTemplatesJson"/>) when it has one, else its default template.
/// </summary>
public static class MappingTemplates
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Parsed = new(StringComparer.Ordinal);

    public static string? For(Integration integration, string entityType) =>
        All(integration.MappingTemplatesJson).TryGetValue(entityType, out var template) && !string.IsNullOrWhiteSpace(template)
            ? template
            : integration.MappingTemplate;

    /// <summary>The per-entity templates, by entity type; empty when there are none or they cannot be read.</summary>
    public static IReadOnlyDictionary<string, string> All(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, string>();
        }

        if (Parsed.Count > MaxCached)
        {
            Parsed.Clear();
        }

        return Parsed.GetOrAdd(json, static text =>
        {
            try
            {
                return JsonSerializer.Deserialize<Dictionary<string, string>>(text) ?? [];
            }
            catch (JsonException)
            {
                return new Dictionary<string, string>();
            }
        });
    }

    /// <summary>The error key of one entity type's template.</summary>
    public static string Key(string entityType) => "templates." + entityType;
}
