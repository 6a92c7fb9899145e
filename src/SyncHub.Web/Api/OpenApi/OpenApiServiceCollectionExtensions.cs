using Microsoft.AspNetCore.OpenApi;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the endpoints themselves and served at <see cref="DocumentPath"/>.
/// It is the same for every installation of a version (no servers, no instance data), which is what lets the
/// repository carry it as docs/openapi.json, and why it is served anonymously: it tells nothing the repository does not.
/// </summary>
internal static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddSyncHubOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<CommonResponsesTransformer>();
            options.AddDocumentTransformer<ExamplesTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSyncHubOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
