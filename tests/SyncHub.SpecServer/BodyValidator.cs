using System.Text.Json;
using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>Checks a request's body: present when required, of a declared media type, and (for JSON) of the declared schema.</summary>
internal static class BodyValidator
{
    public static void Validate(ReceivedRequest request, IOpenApiRequestBody? declared, SchemaValidator check)
    {
        var hasBody = request.Body.Length > 0;
        if (declared is null)
        {
            if (hasBody)
            {
                check.Problems.Add("the operation takes no request body, but one was sent");
            }

            return;
        }

        if (!hasBody)
        {
            if (declared.Required)
            {
                check.Problems.Add("the request body is required but missing");
            }

            return;
        }

        var contentType = request.Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        var content = declared.Content ?? new Dictionary<string, OpenApiMediaType>();
        var media = content.FirstOrDefault(c => MediaMatches(c.Key, contentType));
        if (media.Value is null)
        {
            check.Problems.Add($"Content-Type '{contentType}' is not one the operation accepts ({string.Join(", ", content.Keys)})");
            return;
        }

        if (!IsJson(contentType))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body);
            check.Validate(document.RootElement, media.Value.Schema, "body");
        }
        catch (JsonException ex)
        {
            check.Problems.Add($"the body is not valid JSON: {ex.Message}");
        }
    }

    internal static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static bool MediaMatches(string declared, string actual)
    {
        var range = declared.Split(';')[0].Trim().ToLowerInvariant();
        return range == actual || range == "*/*" || (range.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(range[..^1], StringComparison.Ordinal));
    }
}
