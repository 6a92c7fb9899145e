using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Plugins.Protocol;

/// <summary>
/// The isolated plugin protocol: one JSON document per line over the child's stdin (requests) and stdout (the
/// hello, then replies). Requests carry ids so calls run concurrently; replies may come in any order.
/// </summary>
internal static class PluginWire
{
    public const string Deliver = "deliver";
    public const string Lookup = "lookup";
    public const string Test = "test";

    /// <summary>Asks the child to cancel request <see cref="HostRequest.Id"/>; it gets no reply of its own.</summary>
    public const string Cancel = "cancel";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T? Read<T>(string line) => JsonSerializer.Deserialize<T>(line, Options);
}
