namespace SyncHub.Web.Security;

/// <summary>
/// A strict Content-Security-Policy (no inline scripts, nothing from other origins) and the usual companions.
/// Text from providers is HTML-encoded by Razor; the policy is the second line of defence.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Security.ContentSecurityPolicy.For(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Append("Vary", "HX-Request");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
