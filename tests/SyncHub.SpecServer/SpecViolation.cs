namespace SyncHub.Specs;

/// <summary>A request that did not conform to the spec, and every way it did not.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Path">The request's path, query included.</param>
/// <param name="Operation">The operation it was checked against, or null when it matched none.</param>
/// <param name="Problems">What is wrong, one sentence each.</param>
public sealed record SpecViolation(string Method, string Path, string? Operation, IReadOnlyList<string> Problems)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path}{(Operation is null ? "" : $" ({Operation})")}: {string.Join("; ", Problems)}";
}
