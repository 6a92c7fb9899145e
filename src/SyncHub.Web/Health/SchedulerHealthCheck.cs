using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace SyncHub.Web.Health;

/// <summary>Quartz has started and is not in standby, so deliveries, retries and scheduled runs fire.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("The scheduler is running."),
            SchedulerStatus.Standby => HealthCheckResult.Unhealthy("The scheduler is in standby."),
            SchedulerStatus.Created => HealthCheckResult.Unhealthy("The scheduler has not started."),
            _ => HealthCheckResult.Unhealthy("The scheduler has shut down."),
        };
    }
}
