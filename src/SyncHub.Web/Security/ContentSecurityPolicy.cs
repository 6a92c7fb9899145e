namespace SyncHub.Web.Security;

/// <summary>
/// The Content-Security-Policy every response carries, and the one page that may carry a wider one: a page sets it
/// for its own response with <see cref="Use"/>, and <see cref="SecurityHeadersMiddleware"/> sends it instead.
/// </summary>
public static class ContentSecurityPolicy
{
    public const string Strict =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ItemKey = "SyncHub.ContentSecurityPolicy";

    /// <summary>
    /// The API reference page: the strict policy, except that styles may be inline. The Scalar bundle builds its style
    /// sheets and style attributes at run time (dozens, most without a nonce), so neither a nonce nor hashes can cover
    /// them. Inline CSS cannot run script, and with images, fonts and connections still 'self' only it has no way to
    /// send anything elsewhere; scripts stay 'self' only, so nothing inline runs.
    /// </summary>
    public const string ApiReference =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Use(HttpContext context, string policy) => context.Items[ItemKey] = policy;

    public static string For(HttpContext context) => context.Items[ItemKey] as string ?? Strict;
}
