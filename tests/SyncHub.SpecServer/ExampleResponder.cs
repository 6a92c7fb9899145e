using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using static SyncHub.Specs.SchemaTypes;

namespace SyncHub.Specs;

/// <summary>The answer for an unscripted request: the success response's example, or a small value built from its schema.</summary>
internal static class ExampleResponder
{
    private const int MaxDepth = 3;

    public static ScriptedResponse Answer(SpecOperation operation)
    {
        var (status, response) = Success(operation.Operation.Responses);
        var media = response?.Content?.FirstOrDefault(c => BodyValidator.IsJson(c.Key.Split(';')[0].Trim())).Value;
        if (media is null)
        {
            return new ScriptedResponse(status);
        }

        var example = media.Example ?? media.Examples?.Values.FirstOrDefault()?.Value;
        var body = example is not null ? example.ToJsonString() : Sample(media.Schema, 0)?.ToJsonString() ?? "{}";
        return ScriptedResponse.Json(status, body);
    }

    /// <summary>The lowest 2xx response, or <c>default</c> as 200.</summary>
    internal static (int Status, IOpenApiResponse? Response) Success(OpenApiResponses? responses)
    {
        foreach (var (code, response) in (responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (code.StartsWith('2'))
            {
                return (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 200, response);
            }
        }

        return (200, responses is not null && responses.TryGetValue("default", out var fallback) ? fallback : null);
    }

    private static JsonNode? Sample(IOpenApiSchema? schema, int depth)
    {
        if (schema is null)
        {
            return null;
        }

        if ((schema.Examples?.FirstOrDefault() ?? SpecExample(schema)) is { } example)
        {
            return example.DeepClone();
        }

        if (AllOf(schema).Count > 0)
        {
            var merged = new JsonObject();
            foreach (var part in AllOf(schema).Select(p => Sample(p, depth)).OfType<JsonObject>())
            {
                foreach (var (name, value) in part.ToList())
                {
                    part.Remove(name);
                    merged[name] = value;
                }
            }

            return merged;
        }

        return Name(schema) switch
        {
            "object" when Properties(schema).Count > 0 => SampleObject(schema, depth),
            "object" => new JsonObject(),
            "array" => new JsonArray(),
            "integer" or "number" => 0,
            "boolean" => false,
            "string" when schema.Enum?.FirstOrDefault() is JsonValue first && first.TryGetValue<string>(out var text) => text,
            "string" => schema.Format switch
            {
                "uuid" => Guid.Empty.ToString(),
                "date" => "2026-01-01",
                "date-time" => "2026-01-01T00:00:00Z",
                _ => "string",
            },
            _ => null,
        };
    }

    private static JsonObject SampleObject(IOpenApiSchema schema, int depth)
    {
        var sample = new JsonObject();
        if (depth >= MaxDepth)
        {
            return sample;
        }

        foreach (var (name, property) in Properties(schema).Where(p => !p.Value.WriteOnly))
        {
            sample[name] = Sample(property, depth + 1);
        }

        return sample;
    }

    // OpenAPI 3.0 specs (Xero's, Square's) write a schema's single `example`, which the 3.1 model keeps apart from `examples`.
#pragma warning disable CS0618
    private static System.Text.Json.Nodes.JsonNode? SpecExample(IOpenApiSchema schema) => schema.Example;
#pragma warning restore CS0618
}
