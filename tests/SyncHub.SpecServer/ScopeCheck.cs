using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>Which OAuth scopes an operation asks for that the server's credentials were not granted (<see cref="SpecServerOptions.GrantedScopes"/>).</summary>
internal static class ScopeCheck
{
    /// <summary>Empty when scopes are not checked, the operation needs none, or one of its requirements is met.</summary>
    public static IReadOnlyList<string> Missing(SpecOperation operation, IReadOnlyCollection<string>? granted)
    {
        if (granted is null || operation.Security.Count == 0)
        {
            return [];
        }

        var shortfalls = operation.Security
            .Select(requirement => requirement
                .Where(r => r.Key.Type is SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect)
                .SelectMany(r => r.Value).Where(scope => !granted.Contains(scope)).Distinct(StringComparer.Ordinal).ToList())
            .ToList();
        return shortfalls.Any(s => s.Count == 0) ? [] : shortfalls[0];
    }
}
