using System.Text.Json;

namespace SyncHub.Core.Records;

/// <summary>A record pushed by a source system; with a parent, it waits until that record is delivered.</summary>
public sealed record IngestRequest(string? EntityType, string? SourceId, JsonElement? Payload, IngestParent? Parent = null);
