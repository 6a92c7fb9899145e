using System.Text.Json;

namespace SyncHub.Core.Integrations;

/// <summary>A new integration: where records go and how.</summary>
/// <param name="MappingDefaults">Top-level payload field → default value, used when a field is missing, null or fails the mapping.</param>
/// <param name="DuplicateDetection">Skip records the destination reports as duplicates; on when left out.</param>
/// <param name="AutoFixes">The automatic data fixes to run (email, phone, date, amount); all when left out.</param>
public sealed record CreateIntegrationRequest(
    string? Slug, string? Name, string? Connector, JsonElement? Settings, string? Mapping, RetryPolicyRequest? Retry, JsonElement? MappingDefaults = null,
    bool? DuplicateDetection = null, IReadOnlyList<string>? AutoFixes = null);
