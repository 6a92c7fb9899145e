using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Alerts;
using SyncHub.Core.ApiKeys;
using SyncHub.Core.Audit;
using SyncHub.Core.Breakers;
using SyncHub.Core.Delivery;
using SyncHub.Core.Demo;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Failures;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Core.Notifications;
using SyncHub.Core.Operations;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Core.Reconciliation;
using SyncHub.Core.Records;
using SyncHub.Core.Recovery;
using SyncHub.Core.Retries;
using SyncHub.Core.Runs;
using SyncHub.Core.Telemetry;
using SyncHub.Data;

namespace SyncHub.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The sync engine: plugins, mapping, delivery, retries, operations, ingest and queries.</summary>
    public static IServiceCollection AddSyncHubCore(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSyncHubBreakers();
        services.AddSyncHubAlerts();
        services.AddSyncHubAudit();
        services.AddSyncHubApiKeys();
        services.AddSyncHubMetrics();
        services.AddSyncHubNotifications();
        services.AddSyncHubReconciliation();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICredentialStore, IntegrationCredentialStore>();
        services.AddSingleton(sp => new ConnectorServices(CreateConnectorHttpClient(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>())
        {
            Credentials = sp.GetRequiredService<ICredentialStore>(),
        });
        services.AddSingleton<PluginLoader>();
        services.AddSingleton<ConnectorFaults>();
        services.AddSingleton<IConnectorCatalog, ConnectorCatalog>();
        services.AddDataProtection();
        services.AddSingleton<SettingsProtector>();
        services.TryAddSingleton<WriteGate>(); // the store may register a non-serializing one first (PostgreSQL)
        services.AddSingleton<RecordMapper>();
        services.AddSingleton<MappingPreview>();
        services.AddSingleton<MappingSamplesQuery>();
        services.AddSingleton<IJitterSource, RandomJitterSource>();
        services.AddSingleton<BackoffCalculator>();
        services.AddSingleton<DeliveryPipelineProvider>();
        services.AddSingleton<Pacing.ConnectionPauses>();
        services.AddSingleton<Pacing.RatePacer>();
        services.AddSingleton<LookupFirstTry>();
        services.AddSingleton<GatewayInvoker>();
        services.AddSingleton<ActiveClaims>();
        services.AddDeliveryEngine();
        services.AddSingleton<StaleClaimRecovery>();
        services.AddSingleton<IOperationQueue, OperationQueue>();
        services.AddSingleton<RetryOperationLookup>();
        services.AddSingleton<RetryOperationStarter>();
        services.AddSingleton<OperationOwnership>();
        services.AddSingleton<OperationCanary>();
        services.AddSingleton<OperationBatches>();
        services.AddSingleton<OperationEnding>();
        services.AddSingleton<OperationCanceller>();
        services.AddSingleton<OthersFailedQuery>();
        services.AddSingleton<RetryOperationRunner>();
        services.AddSingleton<RetryOperationService>();
        services.AddSingleton<OperationCancellations>();
        services.AddSingleton<RecordActionService>();
        services.AddSingleton<GroupDismissal>();
        services.AddSingleton<Duplicates.MergeTransfers>();
        services.AddSingleton<Duplicates.DuplicateReviewQuery>();
        services.AddSingleton<Duplicates.LinkedRecordAbsorption>();
        services.AddSingleton<Duplicates.DuplicateDecisionDelivery>();
        services.AddSingleton<Duplicates.DuplicateReviewService>();
        services.AddSingleton<EditAndRetryService>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<IntegrationLookup>();
        services.AddSingleton<StoredSettingsReader>();
        services.AddSingleton<IntegrationCreator>();
        services.AddSingleton<IntegrationUpdater>();
        services.AddSingleton<IntegrationMappingWriter>();
        services.AddSingleton<IntegrationService>();
        services.AddSingleton<IntegrationRemoval>();
        services.AddSingleton<ConnectionTester>();
        services.AddSingleton<Redaction.StoredTextRedaction>();
        services.AddSingleton<IntegrationStatusQuery>();
        services.AddSingleton<Dashboard.ErrorTrendQuery>();
        services.AddSingleton<Dashboard.RecentErrorsQuery>();
        services.AddSingleton<Dashboard.MoneyAtRiskQuery>();
        services.AddOptions<Dashboard.DashboardOptions>().BindConfiguration(Dashboard.DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Dashboard.MoneyAtRiskCache>();
        services.AddSingleton<Dashboard.ErrorTrendCache>();
        services.AddSingleton<Budgets.ErrorBudgetCache>();
        services.AddSingleton<FailedRecordsQuery>();
        services.AddSingleton<Failures.Groups.FingerprintBackfill>();
        services.AddSingleton<Failures.Groups.FailureGroupsQuery>();
        services.AddSingleton<RecordDetailsQuery>();
        services.AddSingleton<InFlightRecovery>();
        services.AddSingleton<ClaimRelease>();
        services.AddOptions<Cluster.ClusterOptions>().BindConfiguration(Cluster.ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Cluster.NodeIdentity>();
        services.AddSingleton<Cluster.NodeLeases>();
        services.AddSingleton<Cluster.NodeOwnership>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<IRunQueue, RunQueue>();
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<RunService>();
        services.AddSingleton<RunConnection>();
        services.AddSingleton<RunFinisher>();
        services.AddSingleton<RunLoader>();
        services.AddSingleton<RunPageReader>();
        services.AddSingleton<RunStager>();
        services.AddSingleton<RunDelivery>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunScheduler>();
        services.AddSingleton<RunRecovery>();
        services.AddSingleton<IntegrationChangeWriter>();
        services.AddSingleton<RunPolicyService>();
        services.AddSingleton<IntegrationScheduleQuery>();
        services.AddSingleton<RunsQuery>();
        return services;
    }

    // One pooled client for every connector; connections are recycled so DNS changes are picked up.
    private static HttpClient CreateConnectorHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.All,
        MaxConnectionsPerServer = 64,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
