using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Core.Plugins;

namespace SyncHub.Web.Health;

/// <summary>
/// At least one connector loaded; plugins that failed to load, or unhealthy ones (restarted lately, or failing in their
/// own code), make it Degraded
/// (named on the Plugins page, not here).
/// </summary>
internal sealed class PluginsHealthCheck(IConnectorCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog switch
        {
            { Connectors.Count: 0 } => HealthCheckResult.Unhealthy("No connector is loaded."),
            { Problems.Count: > 0 and var unhealthy } => HealthCheckResult.Degraded($"{catalog.Connectors.Count} connectors loaded; {unhealthy} unhealthy."),
            { LoadErrors.Count: > 0 and var errors } => HealthCheckResult.Degraded($"{catalog.Connectors.Count} connectors loaded; {errors} plugins failed to load."),
            _ => HealthCheckResult.Healthy($"{catalog.Connectors.Count} connectors loaded."),
        });
}
