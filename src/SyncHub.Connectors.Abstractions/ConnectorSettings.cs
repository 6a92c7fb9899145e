using System.Text.Json;

namespace SyncHub.Connectors;

/// <summary>An integration's connector settings: a JSON object with typed accessors.</summary>
public sealed class ConnectorSettings
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Wraps a JSON object. Anything else is treated as no settings.</summary>
    public ConnectorSettings(JsonElement root)
    {
        Root = root.ValueKind == JsonValueKind.Object ? root.Clone() : EmptyObject;
    }

    /// <summary>No settings at all.</summary>
    public static ConnectorSettings Empty { get; } = new(EmptyObject);

    /// <summary>The settings object itself.</summary>
    public JsonElement Root { get; }

    /// <summary>Parses settings from JSON text; blank text means no settings.</summary>
    public static ConnectorSettings Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        using var document = JsonDocument.Parse(json);
        return new ConnectorSettings(document.RootElement);
    }

    /// <summary>The value of a property, if present.</summary>
    public bool TryGet(string name, out JsonElement value) => Root.TryGetProperty(name, out value);

    /// <summary>A string setting, or <paramref name="fallback"/> when absent or not a string.</summary>
    public string? GetString(string name, string? fallback = null) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : fallback;

    /// <summary>A number setting, or <paramref name="fallback"/> when absent or not a number.</summary>
    public double GetDouble(string name, double fallback = 0) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : fallback;
}
