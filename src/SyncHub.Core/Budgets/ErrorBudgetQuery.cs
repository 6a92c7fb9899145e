using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Budgets;

/// <summary>
/// Error-budget burn per integration over its own window. One grouped count per integration, bounded by the
/// StartedAt index; an attempt counts as failed when it ended with an error class and was not a deliberate skip (a later successful retry is a new attempt);
/// interrupted attempts do not count.
/// </summary>
public sealed class ErrorBudgetQuery(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<ErrorBudgetBurn> ForAsync(Integration integration, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ForAsync(db, integration, cancellationToken);
    }

    public async Task<ErrorBudgetBurn> ForAsync(SyncHubDbContext db, Integration integration, CancellationToken cancellationToken)
    {
        var id = integration.Id;
        var from = time.GetUtcNow() - TimeSpan.FromHours(integration.ErrorBudgetWindowHours);
        var counts = await Counted(db, id, from).ToListAsync(cancellationToken);
        var failed = counts.Where(c => c.Failed).Sum(c => c.Count);
        return new ErrorBudgetBurn(id, counts.Sum(c => c.Count), failed, integration.ErrorBudgetPercent, integration.ErrorBudgetWindowHours);
    }

    /// <summary>
    /// The grouped count alone (a test reads its query plan): the (StartedAt, IntegrationId, Status, ErrorClass) index
    /// holds every column it reads, so the window is counted from the index without a look-up per entry.
    /// "+ 0" keeps the planner off the (IntegrationId, Id) index, which would read every entry the integration ever had.
    /// </summary>
    internal static IQueryable<BudgetCount> Counted(SyncHubDbContext db, int integrationId, DateTimeOffset from) =>
        db.Attempts
            .Where(a => a.StartedAt >= from && a.IntegrationId + 0 == integrationId && a.Status != AttemptStatus.InFlight && a.Status != AttemptStatus.Interrupted)
            .GroupBy(a => a.ErrorClass != null && a.Status != AttemptStatus.Skipped)
            .Select(g => new BudgetCount(g.Key, g.Count()));
}
