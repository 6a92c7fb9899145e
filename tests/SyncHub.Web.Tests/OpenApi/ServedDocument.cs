using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>The OpenAPI document as SyncHub serves it, read as plain JSON, with each response's schema made self-contained for JsonSchema.Net.</summary>
internal sealed class ServedDocument(JsonObject root)
{
    public const string Path = "/openapi/v1.json";
    private static int _schemas;

    public JsonObject Root { get; } = root;

    public static async Task<ServedDocument> LoadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync(Path))!.AsObject());

    /// <summary>Every operation: its method (upper case), path template and object.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in Root["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject());

    /// <summary>The response schema of one status and media type, with every component reference resolved through $defs.</summary>
    public JsonSchema? ResponseSchema(JsonObject operation, int status, string mediaType)
    {
        var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (response?["content"]?[mediaType]?["schema"] is not { } schema)
        {
            return null;
        }

        var wrapped = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Root["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = wrapped.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var id = Interlocked.Increment(ref _schemas);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://synchub.test/schemas/{id}"));
    }

    /// <summary>Where the instance breaks the schema, one line per error; empty when it conforms.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))];
    }
}
