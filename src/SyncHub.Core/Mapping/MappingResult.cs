namespace SyncHub.Core.Mapping;

/// <summary>The destination body, or why the mapping could not produce one.</summary>
public sealed record MappingResult(string? Body, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Fields whose source value failed the mapping and was replaced by the integration's default; empty when none.</summary>
    public IReadOnlyList<string> DefaultedFields { get; init; } = [];

    /// <summary>When <see cref="DefaultedFields"/> is set: the error the source values gave.</summary>
    public string? SourceValuesError { get; init; }

    public static MappingResult Success(string body) => new(body, null);

    public static MappingResult Failure(string error) => new(null, error);
}
