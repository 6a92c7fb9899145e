using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Runs;

/// <summary>Reads one integration's <see cref="IntegrationSchedule"/>.</summary>
public sealed class IntegrationScheduleQuery(IntegrationService integrations, ErrorBudgetQuery budgets)
{
    /// <returns>Null when there is no such integration.</returns>
    public async Task<IntegrationSchedule?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return null;
        }

        var runs = integration.Runs;
        return new IntegrationSchedule(
            integration.Id, integration.Slug, integration.Name, runs.Schedule, runs.ScheduleEnabled, runs.RetryOnFailure, runs.RetryDelays,
            runs.TimeoutSeconds, runs.BatchSize, runs.BreakerMinimumProcessed, runs.BreakerFailureRatio, integration.CutOffDate,
            integration.DuplicateDetection, integration.ErrorBudgetPercent, integration.ErrorBudgetWindowHours, integration.PauseOnBudgetExhausted,
            integration.PausedAt, integration.PausedBy, integration.PauseReason,
            await budgets.ForAsync(integration, cancellationToken));
    }
}
