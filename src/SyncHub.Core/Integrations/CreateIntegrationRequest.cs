using System.Text.Json;

namespace SyncHub.Core.Integrations;

/// <summary>A new integration: where records go and how.</summary>
/// <param name="MappingDefaults">Top-level payload field → default value, used when a field is missing, null or fails the mapping.</param>
public sealed record CreateIntegrationRequest(
    string? Slug, string? Name, string? Connector, JsonElement? Settings, string? Mapping, RetryPolicyRequest? Retry, JsonElement? MappingDefaults = null);
