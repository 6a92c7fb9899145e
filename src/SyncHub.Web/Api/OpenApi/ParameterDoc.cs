using Microsoft.OpenApi;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>What the document says about one path or query parameter: its description, an example and, for values the
/// endpoint parses itself from text, the schema of what it accepts.</summary>
internal sealed record ParameterDoc(string Description, string Example)
{
    public JsonSchemaType? Type { get; init; }

    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }
}
