using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>Checks that a request carries the credentials one of its operation's security requirements asks for.</summary>
internal static class SecurityValidator
{
    public static void Validate(ReceivedRequest request, SpecOperation operation, List<string> problems)
    {
        if (operation.Security.Count == 0)
        {
            return;
        }

        var failures = operation.Security.Select(requirement => requirement.Keys.Select(scheme => Check(request, scheme)).FirstOrDefault(f => f is not null)).ToList();
        if (failures.All(f => f is not null))
        {
            problems.Add(failures[0]!);
        }
    }

    private static string? Check(ReceivedRequest request, IOpenApiSecurityScheme scheme)
    {
        switch (scheme.Type)
        {
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header:
                return request.Header(scheme.Name ?? "") is null ? $"API key header '{scheme.Name}' is missing" : null;
            case SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Query:
                return request.QueryValues.ContainsKey(scheme.Name ?? "") ? null : $"API key query parameter '{scheme.Name}' is missing";
            case SecuritySchemeType.Http:
                var expected = string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) ? "Basic" : "Bearer";
                return Authorization(request, expected);
            case SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect:
                return Authorization(request, "Bearer");
            default:
                return null;
        }
    }

    private static string? Authorization(ReceivedRequest request, string scheme)
    {
        var value = request.Header("Authorization");
        if (value is null)
        {
            return $"header 'Authorization' is missing (the operation needs {scheme} credentials)";
        }

        var parts = value.Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Equals(scheme, StringComparison.OrdinalIgnoreCase) && parts[1].Length > 0
            ? null
            : $"header 'Authorization' is not '{scheme} <credentials>'";
    }
}
