namespace SyncHub.Core.Breakers;

/// <summary>An integration's own breaker and its connector's, for the dashboard and the API.</summary>
public sealed record IntegrationBreakers(BreakerSnapshot Integration, BreakerSnapshot Connector)
{
    public static IntegrationBreakers AllClosed { get; } = new(BreakerSnapshot.Closed, BreakerSnapshot.Closed);
}
