namespace SyncHub.Core.Records;

/// <summary>One validated record from the single-record endpoint, waiting to be written with others of its group.</summary>
internal sealed record SingleIngest(string IntegrationSlug, IngestRequest Request, string Payload);
