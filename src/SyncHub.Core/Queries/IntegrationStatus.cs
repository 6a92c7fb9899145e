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
    IntegrationBreakers? Breakers = null);
