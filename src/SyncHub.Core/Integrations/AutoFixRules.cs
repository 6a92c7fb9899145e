using SyncHub.Core.Validation;

namespace SyncHub.Core.Integrations;

/// <summary>The automatic data fixes an integration may turn on, stored comma-separated.</summary>
public static class AutoFixRules
{
    public static readonly IReadOnlyList<string> All = ["email", "phone", "date", "amount"];

    /// <summary>The stored form in canonical order; unknown names are an error.</summary>
    public static string Normalize(FieldErrors errors, IEnumerable<string>? fixes)
    {
        var chosen = (fixes ?? []).Select(f => f.Trim().ToLowerInvariant()).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in chosen.Except(All, StringComparer.Ordinal))
        {
            errors.Add("autoFixes", $"'{unknown}' is not an automatic fix; choose from {string.Join(", ", All)}.");
        }

        return string.Join(",", All.Where(chosen.Contains));
    }

    public static IReadOnlySet<string> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
