using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SyncHub.Web.Api.OpenApi;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class ApiServiceCollectionExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary>What a body may weigh outside ingest, which sets its own (1 MB single, 16 MB batch).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddSyncHubApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // The payload's own depth (32) is checked at ingest; the request envelope adds up to three levels.
            options.SerializerOptions.MaxDepth = 36;
        });
        services.AddSyncHubOpenApi();
        return services;
    }

    /// <summary>The integrators' REST API under /api/v1, every endpoint behind an API key.</summary>
    public static IEndpointRouteBuilder MapSyncHubApi(this IEndpointRouteBuilder endpoints)
    {
        // Any valid key may reach the group; endpoints other than ingest also require a full-scope key.
        endpoints.MapGroup(Prefix)
            .RequireAuthorization(Policies.ApiIngest)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
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
            .MapPauseApi()
            .MapReconcileApi()
            .MapIntegrationChangesApi()
            .MapReviewsApi()
            .MapAlertsApi()
            .MapAuditApi()
            .MapNotificationChannelsApi();
        endpoints.MapSyncHubOpenApi();
        endpoints.MapSyncHubApiReference();
        return endpoints;
    }
}
