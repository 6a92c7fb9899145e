namespace SyncHub.Core.Records;

/// <summary>An integration's slug and id: all a single ingest needs to know of it.</summary>
internal sealed record IntegrationKey(string Slug, int Id);
