using System.IO.Compression;
using Scalar.AspNetCore;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// Serves the Scalar bundle that <c>Scalar.AspNetCore</c> carries inside its assembly, so the reference page
/// (Pages/ApiReference) needs no outside network. Like every page, it is for signed-in users only.
/// </summary>
internal static class ApiReferenceExtensions
{
    public const string ScriptPath = "/api-reference/scalar.js";
    private const string Resource = "ScalarStaticAssets.scalar.js";

    public static IEndpointRouteBuilder MapSyncHubApiReference(this IEndpointRouteBuilder endpoints)
    {
        var assembly = typeof(ScalarOptions).Assembly;
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{assembly.GetName().Version}\"");
        endpoints.MapGet(ScriptPath, (HttpContext context) =>
            {
                var stream = assembly.GetManifestResourceStream(Resource)
                    ?? throw new InvalidOperationException($"{assembly.GetName().Name} no longer carries {Resource}.");
                // The assembly carries the bundle gzip-compressed: sent as it is to browsers (they all accept gzip), unpacked otherwise.
                context.Response.Headers.CacheControl = "private, max-age=86400";
                context.Response.Headers.Vary = "Accept-Encoding";
                if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.ContentEncoding = "gzip";
                    return Results.Stream(stream, "text/javascript", entityTag: etag);
                }

                return Results.Stream(new GZipStream(stream, CompressionMode.Decompress), "text/javascript", entityTag: etag);
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}
