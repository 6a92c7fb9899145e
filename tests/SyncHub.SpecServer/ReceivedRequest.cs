using System.Text.Json.Nodes;

namespace SyncHub.Specs;

/// <summary>One request the spec server received, as it arrived.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The full path, base path included, unescaped.</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">Every header; names are case-insensitive, repeated values joined by a comma.</param>
/// <param name="Body">The body as text, empty when there was none.</param>
public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The spec operation it matched (its operationId), or null when it matched none.</summary>
    public string? OperationId { get; init; }

    /// <summary>The path template it matched, for example <c>/v2/customers/{customer_id}</c>, or null.</summary>
    public string? PathTemplate { get; init; }

    /// <summary>The path parameters' values, by the spec's names.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The query parameters, by name; repeated values joined by a comma.</summary>
    public IReadOnlyDictionary<string, string> QueryValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The body parsed as JSON; null when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
