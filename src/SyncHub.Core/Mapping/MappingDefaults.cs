using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHub.Core.Mapping;

/// <summary>
/// An integration's mapping defaults: top-level payload field → default value. Missing or null fields take
/// their default before rendering; when the mapping still fails, every defaulted field can be replaced by its
/// default for one more try. Payloads that are not JSON objects are left alone.
/// </summary>
public sealed class MappingDefaults
{
    private readonly JsonObject _values;

    private MappingDefaults(JsonObject values) => _values = values;

    /// <summary>The stored defaults, or null when there are none (or they cannot be read).</summary>
    public static MappingDefaults? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject { Count: > 0 } values ? new MappingDefaults(values) : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The payload with every missing or null field set to its default.</summary>
    public string FillMissing(string payloadJson) => Apply(payloadJson, replacePresent: false, []);

    /// <summary>The payload with every defaulted field set to its default; <paramref name="replaced"/> names the fields whose value changed.</summary>
    public string ReplaceAll(string payloadJson, List<string> replaced) => Apply(payloadJson, replacePresent: true, replaced);

    private string Apply(string payloadJson, bool replacePresent, List<string> changed)
    {
        JsonObject payload;
        try
        {
            if (JsonNode.Parse(payloadJson) is not JsonObject parsed)
            {
                return payloadJson;
            }

            payload = parsed;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return payloadJson;
        }

        foreach (var (name, value) in _values)
        {
            var current = payload[name];
            if (current is null || (replacePresent && !JsonNode.DeepEquals(current, value)))
            {
                payload[name] = value?.DeepClone();
                changed.Add(name);
            }
        }

        return changed.Count == 0 ? payloadJson : payload.ToJsonString();
    }
}
