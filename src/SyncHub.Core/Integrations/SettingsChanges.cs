using System.Text.Json.Nodes;

namespace SyncHub.Core.Integrations;

/// <summary>Which settings differ between two versions, by name only (the audit log never holds values).</summary>
public static class SettingsChanges
{
    public static IReadOnlyList<string> Names(JsonObject before, JsonObject after) =>
        [.. before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(before[name], after[name]))
            .Order(StringComparer.Ordinal)];
}
