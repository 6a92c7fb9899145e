using Microsoft.AspNetCore.Authentication;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>
/// A request under <c>/api/v1</c> that no endpoint takes (an unknown path, an id that fails its route constraint, a
/// method the path does not allow) would otherwise fall to the pages' sign-in challenge and be redirected to HTML.
/// It gets the API's answers instead: 401 without a valid key, then 404, or 405 with <c>Allow</c>, as problem JSON.
/// </summary>
internal sealed class UnmatchedApiRouteMiddleware(RequestDelegate next)
{
    // The routing's stand-in endpoint for a path that exists under other methods (Microsoft.AspNetCore.Routing's name for it).
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var unmatched = endpoint is null || endpoint.DisplayName == MethodNotAllowedEndpoint;
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

        if (endpoint?.RequestDelegate is { } methodNotAllowed)
        {
            await methodNotAllowed(context); // sets 405 and Allow
            await Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"{context.Request.Method} is not allowed here; this path takes {context.Response.Headers.Allow}.").ExecuteAsync(context);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No API route matches {context.Request.Method} {context.Request.Path}. Ids are numbers (records, runs, reviews, alerts) or GUIDs (operations); see /openapi/v1.json.")
            .ExecuteAsync(context);
    }
}
