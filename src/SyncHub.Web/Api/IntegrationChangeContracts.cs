using System.Text.Json;
using SyncHub.Core.Integrations;

namespace SyncHub.Web.Api;

// The JSON shapes of changing and deleting an integration.

/// <summary>
/// A change to an integration's set-up; every field left out keeps its value. <c>settings</c> sets the fields it names
/// (null clears one); secrets are write-only.
/// </summary>
public sealed record UpdateIntegrationBody(
    string? Name, JsonElement? Settings, RetryPolicyRequest? Retry, bool? DuplicateDetection = null, IReadOnlyList<string>? AutoFixes = null);

/// <summary>The whole mapping: the default template, one per entity type, and field defaults; left out means none.</summary>
public sealed record MappingBody(string? Mapping, IReadOnlyDictionary<string, string?>? MappingTemplates, JsonElement? MappingDefaults);

public sealed record MappingResponse(string Slug, string? Mapping, IReadOnlyDictionary<string, string> MappingTemplates, JsonElement? MappingDefaults);

public sealed record DeleteIntegrationResponse(string Slug, int RecordsDeleted);
