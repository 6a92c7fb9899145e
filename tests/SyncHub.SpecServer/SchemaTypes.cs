using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>A schema's type as one name (null flag left out), and its parts with absent collections read as empty.</summary>
internal static class SchemaTypes
{
    /// <summary>object, array, string, integer, number or boolean; inferred from properties or items when the type is absent; null for any.</summary>
    public static string? Name(IOpenApiSchema schema)
    {
        var type = schema.Type is { } declared ? declared & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        return type switch
        {
            JsonSchemaType.Object => "object",
            JsonSchemaType.Array => "array",
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer => "integer",
            JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            null or 0 => Properties(schema).Count > 0 || schema.AdditionalProperties is not null ? "object" : schema.Items is not null ? "array" : null,
            _ => null,
        };
    }

    /// <summary>True when the schema (a 3.0 <c>nullable</c> reads as the null type) lets null through.</summary>
    public static bool AllowsNull(IOpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.Null);

    public static IDictionary<string, IOpenApiSchema> Properties(IOpenApiSchema schema) =>
        schema.Properties ?? new Dictionary<string, IOpenApiSchema>();

    public static IList<IOpenApiSchema> AllOf(IOpenApiSchema schema) => schema.AllOf ?? [];

    public static IList<IOpenApiSchema> OneOf(IOpenApiSchema schema) => schema.OneOf ?? [];

    public static IList<IOpenApiSchema> AnyOf(IOpenApiSchema schema) => schema.AnyOf ?? [];
}
