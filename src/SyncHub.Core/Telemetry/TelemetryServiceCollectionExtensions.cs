using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The <c>SyncHub</c> meter's instruments and the cached gauge reads (<c>SyncHub:Metrics</c>).</summary>
    public static IServiceCollection AddSyncHubMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<MetricsSnapshotCache>();
        services.AddSingleton<DeliveryMetrics>();
        return services;
    }
}
