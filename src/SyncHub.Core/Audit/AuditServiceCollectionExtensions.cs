using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log writer and its reader.</summary>
    public static IServiceCollection AddSyncHubAudit(this IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<AuditQuery>();
        return services;
    }
}
