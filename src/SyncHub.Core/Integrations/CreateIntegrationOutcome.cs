namespace SyncHub.Core.Integrations;

public enum CreateIntegrationOutcome
{
    Created,
    Invalid,
    SlugTaken,
}
