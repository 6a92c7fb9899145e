using System.Text.Json;

namespace SyncHub.Core.Integrations;

/// <summary>A new integration: where records go and how.</summary>
public sealed record CreateIntegrationRequest(
    string? Slug, string? Name, string? Connector, JsonElement? Settings, string? Mapping, RetryPolicyRequest? Retry);
