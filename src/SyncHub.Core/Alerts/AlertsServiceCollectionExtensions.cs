using Microsoft.Extensions.DependencyInjection;
using SyncHub.Core.Alerts.Rules;
using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>The alert rules (in the order the rules table shows them), the evaluator, error budgets and pausing.</summary>
    public static IServiceCollection AddSyncHubAlerts(this IServiceCollection services)
    {
        services.AddSingleton<IAlertRule, ServerErrorsRule>();
        services.AddSingleton<IAlertRule, IsolatedFailureRule>();
        services.AddSingleton<IAlertRule, NewErrorClassRule>();
        services.AddSingleton<IAlertRule, DeadLetterGrowthRule>();
        services.AddSingleton<IAlertRule, DeliveryLagRule>();
        services.AddSingleton<IAlertRule, CredentialsExpiredRule>();
        services.AddSingleton<IAlertRule, BreakerOpenRule>();
        services.AddSingleton<IAlertRule, ErrorBudgetRule>();
        services.AddSingleton<AlertRules>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertsQuery>();
        services.AddSingleton<AlertAcknowledgement>();
        services.AddSingleton<ErrorBudgetQuery>();
        services.AddSingleton<ErrorBudgetSettings>();
        services.AddSingleton<IntegrationPauseService>();
        return services;
    }
}
