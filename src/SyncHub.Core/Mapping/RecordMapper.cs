using System.Collections.Concurrent;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SyncHub.Core.Mapping;

/// <summary>
/// Renders a record's payload through the integration's Scriban template. Templates are sandboxed: no
/// includes (no template loader), no .NET objects in scope, bounded loops, recursion and output size.
/// Any failure is a value the caller records as a transform error, never an exception.
/// </summary>
public sealed class RecordMapper
{
    /// <summary>The most a template may render, in characters.</summary>
    public const int MaxOutputLength = 1_000_000;

    private const int MaxCachedTemplates = 256;
    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>Checks a template without rendering it; returns the errors with line and column, or none.</summary>
    public IReadOnlyList<string> Validate(string template) => ScriptSandbox.Validate(template);

    public MappingResult Render(string? template, string payloadJson, string entityType, string sourceId)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return MappingResult.Success(payloadJson);
        }

        var parsed = GetTemplate(template);
        if (parsed.HasErrors)
        {
            return MappingResult.Failure("Mapping template has errors: " + string.Join("; ", parsed.Messages.Select(ScriptSandbox.Describe)));
        }

        try
        {
            using var payload = JsonDocument.Parse(payloadJson);
            var output = parsed.Render(CreateContext(payload.RootElement, entityType, sourceId));
            using var check = JsonDocument.Parse(output);
            return MappingResult.Success(output);
        }
        catch (ScriptRuntimeException ex)
        {
            return MappingResult.Failure("Mapping failed: " + ex.Message);
        }
        catch (JsonException ex)
        {
            return MappingResult.Failure("Mapping output is not valid JSON: " + ex.Message);
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            // Template functions can throw plain .NET exceptions on bad data (divide by zero, bad format).
            return MappingResult.Failure($"Mapping failed: {ex.Message}");
        }
    }

    /// <summary>
    /// Renders with the integration's defaults: missing or null fields take their default first. If the mapping
    /// still fails, it is tried once more with every defaulted field set to its default; a success then names
    /// the replaced fields, a failure is the first error.
    /// </summary>
    public MappingResult Render(string? template, string payloadJson, string entityType, string sourceId, MappingDefaults? defaults)
    {
        if (defaults is null)
        {
            return Render(template, payloadJson, entityType, sourceId);
        }

        var filled = defaults.FillMissing(payloadJson);
        var first = Render(template, filled, entityType, sourceId);
        if (first.Succeeded)
        {
            return first;
        }

        var replaced = new List<string>();
        var fallback = defaults.ReplaceAll(filled, replaced);
        if (replaced.Count == 0)
        {
            return first;
        }

        var second = Render(template, fallback, entityType, sourceId);
        return second.Succeeded ? second with { DefaultedFields = replaced, SourceValuesError = first.Error } : first;
    }

    private Template GetTemplate(string template)
    {
        if (_templates.Count > MaxCachedTemplates)
        {
            _templates.Clear();
        }

        return _templates.GetOrAdd(template, static text => Template.Parse(text));
    }

    private static TemplateContext CreateContext(JsonElement payload, string entityType, string sourceId) =>
        ScriptSandbox.Create(
            new ScriptObject
            {
                ["payload"] = JsonToScript.Convert(payload),
                ["record"] = new ScriptObject { ["entity_type"] = entityType, ["source_id"] = sourceId },
            },
            MaxOutputLength);
}
