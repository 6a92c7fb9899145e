namespace SyncHub.Core.Fixes;

/// <summary>The automatic fixes an integration can switch on (<c>Integration.AutoFixes</c>, comma-separated).</summary>
internal static class FixKinds
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Date = "date";
    public const string Amount = "amount";

    /// <summary>The kinds named in an <c>AutoFixes</c> value; unknown names are ignored, empty means none.</summary>
    public static IReadOnlySet<string> Parse(string? autoFixes) =>
        (autoFixes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
