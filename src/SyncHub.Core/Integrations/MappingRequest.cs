namespace SyncHub.Core.Integrations;

/// <summary>An integration's mapping: the default template, one per entity type, and field defaults (JSON text).</summary>
public sealed record MappingRequest(string? DefaultTemplate, IReadOnlyDictionary<string, string?> Templates, string? DefaultsJson);
