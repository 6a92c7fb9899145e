using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SyncHub.Core.Telemetry;
using SyncHub.Web.Health;
using SyncHub.Web.Security;

namespace SyncHub.Web.Hosting;

internal static class ObservabilityExtensions
{
    public const string JsonLogsKey = "SyncHub:Logging:Json";

    /// <summary>The .NET runtime's built-in meter.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>Health checks, the <c>SyncHub</c> and runtime meters exported for Prometheus, and JSON console logs when asked for.</summary>
    public static WebApplicationBuilder AddSyncHubObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSyncHubHealth();
        // The runtime's own meter beside SyncHub's: CPU time, allocations, GC and thread-pool figures for the same scrape.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(DeliveryMetrics.MeterName, RuntimeMeter).AddPrometheusExporter());
        if (builder.Configuration.GetValue<bool>(JsonLogsKey))
        {
            // One JSON object per line, with scopes: the request's TraceId and SpanId, and any record/integration scope.
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary>
    /// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>. The scrape endpoint wants a full-scope API key unless
    /// <c>SyncHub:Metrics:RequireApiKey</c> is false (then keep it off public networks: it names integrations).
    /// </summary>
    public static WebApplication MapSyncHubObservability(this WebApplication app)
    {
        app.MapSyncHubHealth();
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            var scrape = app.MapPrometheusScrapingEndpoint("/metrics");
            _ = options.RequireApiKey ? scrape.RequireAuthorization(Policies.ApiFull) : scrape.AllowAnonymous();
        }

        return app;
    }
}
