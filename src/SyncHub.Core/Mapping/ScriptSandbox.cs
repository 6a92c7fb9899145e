using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SyncHub.Core.Mapping;

/// <summary>
/// The one way SyncHub runs a Scriban template: no template loader, no .NET member reachable, bounded loops,
/// recursion, strings and output, a regex timeout. Mappings and notification texts both render through it.
/// </summary>
public static class ScriptSandbox
{
    public static TemplateContext Create(ScriptObject globals, int maxOutputLength)
    {
        var context = new TemplateContext
        {
            LoopLimit = 10_000,
            RecursiveLimit = 64,
            LimitToString = maxOutputLength,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = maxOutputLength,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            StrictVariables = false,
            TemplateLoader = null,

            // Templates see only Scriban objects; no member of a .NET object is reachable.
            MemberFilter = static _ => false,
            TryGetMember = RefuseMember,
        };
        context.PushGlobal(globals);
        return context;
    }

    /// <summary>A parse error with its line and column, as the forms show it.</summary>
    public static string Describe(Scriban.Parsing.LogMessage message) =>
        $"Line {message.Span.Start.Line + 1}, column {message.Span.Start.Column + 1}: {message.Message}";

    /// <summary>The parse errors of a template, or none.</summary>
    public static IReadOnlyList<string> Validate(string template)
    {
        var parsed = Template.Parse(template);
        return parsed.HasErrors ? [.. parsed.Messages.Select(Describe)] : [];
    }

    // A missing field stays null (relaxed member access); a member of anything else is refused loudly.
    private static bool RefuseMember(TemplateContext context, Scriban.Parsing.SourceSpan span, object target, string member, out object value)
    {
        if (target is IScriptObject or ScriptArray or null)
        {
            value = null!;
            return false;
        }

        throw new ScriptRuntimeException(span, $"'{member}' is not available: templates can read their model, not members of .NET objects.");
    }
}
