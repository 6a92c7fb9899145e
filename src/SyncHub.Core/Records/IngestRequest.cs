using System.Text.Json;

namespace SyncHub.Core.Records;

/// <summary>A record pushed by a source system.</summary>
public sealed record IngestRequest(string? EntityType, string? SourceId, JsonElement? Payload);
