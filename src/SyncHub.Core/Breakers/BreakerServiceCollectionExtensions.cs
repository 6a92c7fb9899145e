using Microsoft.Extensions.DependencyInjection;
using SyncHub.Core.Operations;

namespace SyncHub.Core.Breakers;

public static class BreakerServiceCollectionExtensions
{
    /// <summary>Connection circuit breakers (<c>SyncHub:Breakers</c>) and the wait of retry operations behind them.</summary>
    public static IServiceCollection AddSyncHubBreakers(this IServiceCollection services)
    {
        services.AddOptions<BreakerOptions>().BindConfiguration(BreakerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BreakerRegistry>();
        services.AddSingleton<OperationBreakerWait>();
        return services;
    }
}
