using System.Text.Json;
using System.Text.Json.Serialization;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddSyncHubApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // The payload's own depth (32) is checked at ingest; the request envelope adds up to three levels.
            options.SerializerOptions.MaxDepth = 36;
        });
        return services;
    }

    /// <summary>The integrators' REST API under /api/v1, every endpoint behind an API key.</summary>
    public static IEndpointRouteBuilder MapSyncHubApi(this IEndpointRouteBuilder endpoints)
    {
        // Any valid key may reach the group; endpoints other than ingest also require a full-scope key.
        endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policies.ApiIngest)
            .RequireRateLimiting(SecurityServiceCollectionExtensions.ApiRateLimit)
            .DisableAntiforgery()
            .AddEndpointFilter<StorageFaultFilter>()
            .MapIntegrationsApi()
            .MapRecordsApi()
            .MapRecordActionsApi()
            .MapEditRetryApi()
            .MapOperationsApi()
            .MapFailureGroupsApi()
            .MapRunsApi()
            .MapReconcileApi()
            .MapPauseApi();
        return endpoints;
    }
}
