using SyncHub.Connectors;
using SyncHub.Core.Breakers;

namespace SyncHub.Core.Queries;

/// <summary>One row of the integration status dashboard.</summary>
public sealed record IntegrationStatus(
    int Id,
    string Slug,
    string Name,
    string Connector,
    bool ConnectorLoaded,
    StatusCounts Counts,
    DateTimeOffset? LastDeliveredAt,
    LastError? LastError,
    IntegrationBreakers? Breakers = null)
{
    /// <summary>Expired when the credentials were refused and could not be refreshed; stays so until fixed.</summary>
    public Data.Entities.ConnectionState Connection { get; init; }

    public string? ConnectionNote { get; init; }

    /// <summary>Set while sending waits for the destination's rate limit to reset.</summary>
    public Pacing.ConnectionPause? Pause { get; init; }

    /// <summary>Set while an operator or the error budget has paused the integration.</summary>
    public Integrations.IntegrationPause? Paused { get; init; }

    public Budgets.ErrorBudgetBurn? Budget { get; init; }

    /// <summary>Why the integration's connector is unhealthy (an isolated plugin restarted lately, or calls failing in its own code), if it is.</summary>
    public string? ConnectorProblem { get; init; }

    /// <summary>The newest sync run, if the integration has had one.</summary>
    public Data.Entities.SyncRun? LastRun { get; init; }
}
