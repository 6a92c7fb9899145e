using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SyncHub.Core.Dashboard;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Budgets;

/// <summary>
/// Error-budget burn as the dashboard and the status API show it: the window's counts are shared per integration and
/// window for <see cref="DashboardOptions.SummaryRefreshSeconds"/>, while the budget itself is always the one saved
/// now, so an edited budget shows at once. Alert rules and automatic pauses use <see cref="ErrorBudgetQuery"/> directly.
/// </summary>
public sealed class ErrorBudgetCache(ErrorBudgetQuery query, IOptions<DashboardOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(int IntegrationId, int WindowHours), SharedResult<ErrorBudgetBurn>> _windows = new();

    public async Task<ErrorBudgetBurn> ForAsync(Integration integration, CancellationToken cancellationToken)
    {
        var counted = await _windows.GetOrAdd((integration.Id, integration.ErrorBudgetWindowHours), _ => new SharedResult<ErrorBudgetBurn>(time))
            .GetAsync(TimeSpan.FromSeconds(options.Value.SummaryRefreshSeconds), ct => query.ForAsync(integration, ct), cancellationToken);
        return counted with { BudgetPercent = integration.ErrorBudgetPercent };
    }

    public void Dispose()
    {
        foreach (var shared in _windows.Values)
        {
            shared.Dispose();
        }
    }
}
