using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero.Faults;

/// <summary>
/// Collects the messages of Xero's validation errors: <c>Elements[].ValidationErrors[].Message</c>, and those
/// Xero attaches to nested objects (a line item, the contact) of each element.
/// </summary>
internal static class ValidationReader
{
    private const int MaxDepth = 3;
    private const int MaxProblems = 50;

    /// <summary>The problems in an error body's <c>Elements</c>, or none when it has no such array.</summary>
    public static List<FieldProblem> FromError(JsonElement root, XeroEntity entity)
    {
        var problems = new List<FieldProblem>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Elements", out var elements) && elements.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var element in elements.EnumerateArray())
            {
                Collect(element, null, entity, index++, 0, problems);
            }
        }

        return problems;
    }

    /// <summary>The problems attached to one item of a 200 answer (sent with summarizeErrors=false, or a partial failure).</summary>
    public static List<FieldProblem> FromItem(JsonElement item, XeroEntity entity, int index)
    {
        var problems = new List<FieldProblem>();
        Collect(item, null, entity, index, 0, problems);
        return problems;
    }

    private static void Collect(JsonElement node, string? path, XeroEntity entity, int index, int depth, List<FieldProblem> problems)
    {
        if (node.ValueKind != JsonValueKind.Object || depth > MaxDepth || problems.Count >= MaxProblems)
        {
            return;
        }

        if (node.TryGetProperty("ValidationErrors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("Message", out var message)
                    && message.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(message.GetString()))
                {
                    var text = UntrustedText.OneLine(message.GetString());
                    var field = FieldGuess.Guess(text, path, entity) ?? path ?? $"{entity.Label}[{index}]";
                    problems.Add(new FieldProblem(UntrustedText.OneLine(field, 200), text));
                }
            }
        }

        foreach (var property in node.EnumerateObject())
        {
            var childPath = path is null ? property.Name : $"{path}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, childPath, entity, index, depth + 1, problems);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && property.Name != "ValidationErrors")
            {
                var i = 0;
                foreach (var child in property.Value.EnumerateArray())
                {
                    Collect(child, $"{childPath}[{i++}]", entity, index, depth + 1, problems);
                }
            }
        }
    }
}
