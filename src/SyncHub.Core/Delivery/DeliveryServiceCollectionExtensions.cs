using Microsoft.Extensions.DependencyInjection;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Delivery.Completing;
using SyncHub.Core.Delivery.Pipeline;
using SyncHub.Core.Delivery.Sending;

namespace SyncHub.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The delivery pipeline's stages: claim, render, send, complete; <see cref="SyncOrchestrator"/> in front.</summary>
    public static IServiceCollection AddDeliveryEngine(this IServiceCollection services)
    {
        services.AddSingleton<EngineStore>();
        services.AddSingleton<ClaimGate>();
        services.AddSingleton<ParentCheck>();
        services.AddSingleton<IntegrationSnapshots>();
        services.AddSingleton<BatchClaimer>();
        services.AddSingleton<PayloadRenderer>();
        services.AddSingleton<AttemptSender>();
        services.AddSingleton<OutcomePlanner>();
        services.AddSingleton<TrackedFollowUps>();
        services.AddSingleton<CompletionReport>();
        services.AddSingleton<CompletionWriter>();
        services.AddSingleton<DeliveryPipeline>();
        services.AddSingleton(sp => new SyncOrchestrator(sp.GetRequiredService<DeliveryPipeline>()));
        return services;
    }
}
