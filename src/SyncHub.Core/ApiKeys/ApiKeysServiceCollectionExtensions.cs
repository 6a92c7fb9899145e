using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Core.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>The API keys made in the UI.</summary>
    public static IServiceCollection AddSyncHubApiKeys(this IServiceCollection services) => services.AddSingleton<ApiKeyService>();
}
