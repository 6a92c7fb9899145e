using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// The answers any operation may give, whatever it does: 401, 403, 429 and 503 everywhere, and 400, 413 and 415 where
/// a body is read. Each is problem JSON; endpoints declare only their own answers.
/// </summary>
internal sealed class CommonResponsesTransformer : IOpenApiDocumentTransformer
{
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationSchema = "HttpValidationProblemDetails";

    private static readonly (string Status, string Description)[] Everywhere =
    [
        ("401", "No valid X-Api-Key header."),
        ("403", "The key's scope does not allow this call (an ingest-only key may only push records)."),
        ("429", "Too many calls with this key; wait for the Retry-After header's seconds."),
        ("503", "SyncHub cannot write to its database (for example a full disk); nothing was stored. Retry after Retry-After."),
    ];

    private static readonly (string Status, string Description)[] WithBody =
    [
        ("413", "The body is larger than this endpoint takes (1 MB; 16 MB for a batch)."),
        ("415", "The body is not JSON: send Content-Type: application/json."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Responses ??= [];
            foreach (var (status, description) in Everywhere)
            {
                operation.Responses.TryAdd(status, Problem(document, ProblemSchema, description));
            }

            if (operation.RequestBody is null)
            {
                continue;
            }

            operation.Responses.TryAdd("400", Problem(document, ValidationSchema, "The body is malformed or a field is invalid; errors name the field."));
            foreach (var (status, description) in WithBody)
            {
                operation.Responses.TryAdd(status, Problem(document, ProblemSchema, description));
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(OpenApiDocument document, string schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
        },
    };
}
