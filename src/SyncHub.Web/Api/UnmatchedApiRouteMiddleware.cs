using Microsoft.AspNetCore.Authentication;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>
/// A request under <c>/api/v1</c> that no endpoint takes (an unknown path, an id that fails its route constraint, a
/// method the path does not allow, a body that is not JSON) would otherwise fall to the pages' sign-in challenge and be redirected to HTML.
/// It gets the API's answers instead: 401 without a valid key, then 404, 405 with <c>Allow</c>, or 415, as problem JSON.
/// </summary>
internal sealed class UnmatchedApiRouteMiddleware(RequestDelegate next)
{
    // The routing's stand-in endpoints (Microsoft.AspNetCore.Routing's names for them) for a path that exists under other
    // methods, and for a body whose Content-Type no endpoint of the path accepts (endpoints declare application/json).
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var unmatched = endpoint is null || endpoint.DisplayName is MethodNotAllowedEndpoint or UnsupportedMediaTypeEndpoint;
        if (!unmatched || !context.Request.Path.StartsWithSegments(ApiServiceCollectionExtensions.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (!authentication.Succeeded)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            return;
        }

        if (endpoint?.DisplayName == UnsupportedMediaTypeEndpoint)
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send a JSON body with Content-Type: application/json.").ExecuteAsync(context);
            return;
        }

        if (endpoint?.RequestDelegate is { } methodNotAllowed)
        {
            await methodNotAllowed(context); // sets 405 and Allow
            await Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"{context.Request.Method} is not allowed here; this path takes {context.Response.Headers.Allow}.").ExecuteAsync(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No API route matches {context.Request.Method} {Clip(context.Request.Path.Value)}. Ids are numbers (records, runs, reviews, alerts) or GUIDs (operations); see /openapi/v1.json.")
            .ExecuteAsync(context);
    }

    private static string Clip(string? path) => path is { Length: > 200 } ? path[..200] + "…" : path ?? "";
}
