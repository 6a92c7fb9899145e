using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>Title, description, the <c>X-Api-Key</c> scheme every operation requires, and no servers (the document is the same on every host).</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SyncHub API",
            Version = "v1",
            Description =
                "Push records to SyncHub, follow their delivery and recover failed ones. Every call needs an X-Api-Key header: a key " +
                "created on the API keys page (scope ingest only or full) or one from SyncHub:ApiKeys. An ingest-only key may only push " +
                "records. Every error is application/problem+json; a 400's errors name the field or parameter.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key: created on the API keys page (shown once) or configured in SyncHub:ApiKeys.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
