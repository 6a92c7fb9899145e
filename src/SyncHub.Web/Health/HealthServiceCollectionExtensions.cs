using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SyncHub.Web.Health;

internal static class HealthServiceCollectionExtensions
{
    private const string Ready = "ready";

    /// <summary>Readiness checks: database, scheduler, plugins. Liveness (<c>/healthz</c>) runs none of them.</summary>
    public static IServiceCollection AddSyncHubHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready])
            .AddCheck<PluginsHealthCheck>("plugins", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: it can do its work (503 when a check is Unhealthy;
    /// Degraded still answers 200). Both anonymous, as load balancers and orchestrators probe without credentials;
    /// neither reveals more than check names, statuses and short fixed messages.
    /// </summary>
    public static WebApplication MapSyncHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }
}
