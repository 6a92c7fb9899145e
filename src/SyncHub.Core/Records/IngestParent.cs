namespace SyncHub.Core.Records;

/// <summary>The record a pushed record depends on (same integration), for example an invoice's customer.</summary>
public sealed record IngestParent(string? EntityType, string? SourceId);
