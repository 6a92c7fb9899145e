namespace SyncHub.Core.Mapping;

/// <summary>The destination body, or why the mapping could not produce one.</summary>
public sealed record MappingResult(string? Body, string? Error)
{
    public bool Succeeded => Error is null;

    public static MappingResult Success(string body) => new(body, null);

    public static MappingResult Failure(string error) => new(null, error);
}
