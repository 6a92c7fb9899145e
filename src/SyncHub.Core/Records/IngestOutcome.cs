namespace SyncHub.Core.Records;

public enum IngestOutcome
{
    Created,
    Updated,
    Unchanged,
    Invalid,
    IntegrationNotFound,
}
