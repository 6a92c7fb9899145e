namespace SyncHub.Core.Fixes;

/// <summary>One value an automatic fix changed: which fix, where (a JSON Pointer), and the value before and after as JSON.</summary>
internal readonly record struct AppliedFix(string Kind, string Path, string Before, string After)
{
    private const int MaxValueLength = 200;

    /// <summary>One line of the record's history: <c>email /contact/email: " Ann@Example.COM " → "ann@example.com"</c>.</summary>
    public override string ToString() => $"{Kind} {Path}: {Clip(Before)} → {Clip(After)}";

    private static string Clip(string json) => json.Length <= MaxValueLength ? json : json[..(MaxValueLength - 1)] + "…";
}
