namespace SyncHub.Core.Queries;

/// <summary>A record the mapping preview can render; <see cref="Payload"/> is empty in lists.</summary>
public sealed record MappingSample(long Id, string EntityType, string SourceId, string Payload = "");
