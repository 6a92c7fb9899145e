namespace SyncHub.Connectors.Square;

/// <summary>One entry of Square's <c>errors</c> array. Untrusted text.</summary>
internal sealed record SquareError(string? Category, string? Code, string? Detail, string? Field);
