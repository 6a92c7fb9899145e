using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Core.Reconciliation;

public static class ReconcileServiceCollectionExtensions
{
    /// <summary>Reconciliation: comparing an integration's records with its destination's, and resyncing the gaps.</summary>
    public static IServiceCollection AddSyncHubReconciliation(this IServiceCollection services)
    {
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReconcileQueue>();
        services.AddSingleton<ReconcileSupport>();
        services.AddSingleton<ReconcileService>();
        services.AddSingleton<ResyncService>();
        services.AddSingleton<ReconcileQuery>();
        services.AddSingleton<ReconcileRecovery>();
        services.AddSingleton<ReconcileCalls>();
        services.AddSingleton<ReconcileSourceReader>();
        services.AddSingleton<ReconcileExpectations>();
        services.AddSingleton<HeldElsewhere>();
        services.AddSingleton<ReconcileRunStore>();
        services.AddSingleton<ListedComparison>();
        services.AddSingleton<LookedUpComparison>();
        services.AddSingleton<ReconcileComparer>();
        services.AddSingleton<ReconcileExecutor>();
        services.AddSingleton<ResyncExecutor>();
        services.AddSingleton(sp => new ReconcileWorkRunner(sp.GetRequiredService<ReconcileExecutor>(), sp.GetRequiredService<ResyncExecutor>()));
        return services;
    }
}
