namespace SyncHub.Core.Mapping;

/// <summary>The rendered body (indented), or the errors with line and column where the template has them.</summary>
public sealed record MappingPreviewResult(string? Output, IReadOnlyList<string> Errors, IReadOnlyList<string> DefaultedFields)
{
    public bool Succeeded => Output is not null;

    public static MappingPreviewResult Rendered(string output, IReadOnlyList<string> defaulted) => new(output, [], defaulted);

    public static MappingPreviewResult Failed(IReadOnlyList<string> errors) => new(null, errors, []);
}
