using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Web.Pages.Records;

/// <summary>Reads the refused fields stored with a record; stored text is the destination's, so Razor encodes it.</summary>
public static class FieldProblemsView
{
    public static IReadOnlyList<FieldProblem> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(p => new FieldProblem(
                p.TryGetProperty("field", out var field) ? field.GetString() ?? "" : "",
                p.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""))];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return [];
        }
    }
}
