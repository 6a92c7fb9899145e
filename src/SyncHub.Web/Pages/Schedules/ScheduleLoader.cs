using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>Reads what the schedule page shows for one integration.</summary>
public sealed class ScheduleLoader(IntegrationService integrations, ErrorBudgetQuery budgets)
{
    /// <returns>Null when there is no such integration.</returns>
    public async Task<ScheduleSubject?> LoadAsync(string slug, CancellationToken cancellationToken) =>
        await integrations.FindAsync(slug, cancellationToken) is { } integration
            ? new ScheduleSubject(integration, await budgets.ForAsync(integration, cancellationToken))
            : null;
}
