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
public sealed partial class RecordMapper
{
    /// <summary>The most a template may render, in characters.</summary>
    public const int MaxOutputLength = 1_000_000;

    private const int MaxCachedTemplates = 256;
    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>Checks a template without rendering it; returns the errors with line and column, or none.</summary>
    public IReadOnlyList<string> Validate(string template)
    {
        var parsed = Template.Parse(template);
        return parsed.HasErrors ? [.. parsed.Messages.Select(Describe)] : [];
    }

    public MappingResult Render(string? template, string payloadJson, string entityType, string sourceId)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return MappingResult.Success(payloadJson);
        }

        var parsed = GetTemplate(template);
        if (parsed.HasErrors)
        {
            return MappingResult.Failure("Mapping template has errors: " + string.Join("; ", parsed.Messages.Select(Describe)));
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

    // A missing payload field stays null (relaxed member access); a member of anything else is refused loudly.
    private static bool RefuseMember(TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member, out object value)
    {
        if (target is IScriptObject or ScriptArray or null)
        {
            value = null!;
            return false;
        }

        throw new ScriptRuntimeException(span, $"'{member}' is not available: templates can read the payload and the record, not members of .NET objects.");
    }

    private static string Describe(Scriban.Parsing.LogMessage message) =>
        $"Line {message.Span.Start.Line + 1}, column {message.Span.Start.Column + 1}: {message.Message}";

    private Template GetTemplate(string template)
    {
        if (_templates.Count > MaxCachedTemplates)
        {
            _templates.Clear();
        }

        return _templates.GetOrAdd(template, static text => Template.Parse(text));
    }

    private static TemplateContext CreateContext(JsonElement payload, string entityType, string sourceId)
    {
        var globals = new ScriptObject
        {
            ["payload"] = JsonToScript.Convert(payload),
            ["record"] = new ScriptObject { ["entity_type"] = entityType, ["source_id"] = sourceId },
        };
        var context = new TemplateContext
        {
            LoopLimit = 10_000,
            RecursiveLimit = 64,
            LimitToString = MaxOutputLength,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = MaxOutputLength,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = false,
            TemplateLoader = null,

            // Templates see only the payload and record (Scriban objects); no member of a .NET object is reachable.
            MemberFilter = static _ => false,
            TryGetMember = RefuseMember,
        };
        context.PushGlobal(globals);
        return context;
    }
}
