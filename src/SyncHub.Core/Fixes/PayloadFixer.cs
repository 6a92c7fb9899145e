using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Core.Fixes;

/// <summary>
/// Walks a payload (objects and arrays) and runs the enabled fixers on the fields they are for. When the destination
/// named the fields it refused, only fields matching those names are touched (same name, or both names suggest the
/// same kind: <c>Contact.EmailAddress</c> ↔ <c>email</c>); when it named none, or none matches, every field whose
/// name suggests a kind is tried. Pure: the input is not changed, the result is a new payload text.
/// </summary>
internal static class PayloadFixer
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PayloadFixResult Fix(string payloadJson, IReadOnlyList<FieldProblem> problems, IReadOnlyList<IFieldFixer> fixers)
    {
        if (fixers.Count == 0)
        {
            return PayloadFixResult.None;
        }

        var named = problems.Select(p => FieldKeys.Normalize(FieldKeys.LastSegment(p.Field))).Where(n => n.Length > 0).Distinct().ToList();
        (bool Matched, PayloadFixResult Result)? targeted = named.Count > 0 ? Run(payloadJson, new Walk(fixers, named)) : null;
        return targeted is { Matched: true } found ? found.Result : Run(payloadJson, new Walk(fixers, null)).Result;
    }

    private static (bool Matched, PayloadFixResult Result) Run(string payloadJson, Walk walk)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payloadJson);
            walk.Visit(root, "", null, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not a payload the fixers can walk (for example a duplicate key): nothing is fixed.
            return (false, PayloadFixResult.None);
        }

        return (walk.Matched, walk.Fixes.Count == 0 ? PayloadFixResult.None : new(root!.ToJsonString(Output), walk.Fixes));
    }

    private sealed class Walk(IReadOnlyList<IFieldFixer> fixers, List<string>? problems)
    {
        public List<AppliedFix> Fixes { get; } = [];

        public bool Matched { get; private set; }

        public void Visit(JsonNode? node, string path, string? key, JsonObject? parent)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (childKey, child) in obj.ToList())
                    {
                        Visit(child, $"{path}/{FieldKeys.PointerSegment(childKey)}", childKey, obj);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        // A list of values ("emails": [...]) is matched by the list's name.
                        Visit(array[i], $"{path}/{i}", key, parent);
                    }

                    break;
                case JsonValue value when key is not null && Choose(FieldKeys.Normalize(key)) is { } fixer:
                    if (fixer.Fix(value, parent) is { } fixedValue)
                    {
                        Fixes.Add(new AppliedFix(fixer.Kind, path, value.ToJsonString(Output), fixedValue.ToJsonString(Output)));
                        value.ReplaceWith(fixedValue);
                    }

                    break;
            }
        }

        private IFieldFixer? Choose(string key)
        {
            if (key.Length == 0)
            {
                return null;
            }

            if (problems is null)
            {
                return fixers.FirstOrDefault(f => f.Suggests(key));
            }

            foreach (var problem in problems)
            {
                var fixer = fixers.FirstOrDefault(f => f.Suggests(key) && (problem == key || f.Suggests(problem)));
                if (fixer is not null)
                {
                    Matched = true;
                    return fixer;
                }
            }

            return null;
        }
    }
}
