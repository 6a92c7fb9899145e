using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// Parameter descriptions and examples (<see cref="ParameterDocs"/>), the schema of query values the endpoints parse
/// themselves, and an example for every request body (<see cref="RequestExamples"/>).
/// </summary>
internal sealed class ExamplesTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    Describe(path, parameter);
                }

                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true
                    && body is not null && operation.OperationId is { } id && RequestExamples.For(id) is { } example)
                {
                    body.Example = JsonNode.Parse(example);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(string path, OpenApiParameter parameter)
    {
        if (parameter.Name is not { } name || ParameterDocs.For(path, name) is not { } doc)
        {
            return;
        }

        parameter.Description = doc.Description;
        parameter.Example = parameter.Schema?.Type == JsonSchemaType.Integer || doc.Type == JsonSchemaType.Integer
            ? JsonValue.Create(long.Parse(doc.Example, System.Globalization.CultureInfo.InvariantCulture))
            : JsonValue.Create(doc.Example);
        if (doc.Type is null && doc.Format is null && doc.Pattern is null && doc.Enum is null)
        {
            return;
        }

        parameter.Schema = new OpenApiSchema
        {
            Type = doc.Type ?? JsonSchemaType.String,
            Format = doc.Format,
            Pattern = doc.Pattern,
            Minimum = doc.Minimum,
            Maximum = doc.Maximum,
            Enum = doc.Enum?.Select(value => (JsonNode)JsonValue.Create(value)).ToList(),
        };
    }
}
