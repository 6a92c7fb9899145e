using SyncHub.Data.Entities;

namespace SyncHub.Core.Breakers;

/// <summary>The integration a breaker decision is about, with the connector whose breaker it shares.</summary>
public readonly record struct BreakerTarget(int IntegrationId, string Slug, string Connector)
{
    public static BreakerTarget Of(Integration integration) => new(integration.Id, integration.Slug, integration.Connector);
}
