using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>Open alerts, resolved alerts by page (newest first), and the open count for the nav badge.</summary>
public sealed class AlertsQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int PageSize = 25;

    public async Task<int> OpenCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.CountAsync(a => a.Status == AlertStatus.Open, cancellationToken);
    }

    public async Task<List<Alert>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Open).OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>One page of resolved alerts (1-based) and the total count.</summary>
    public async Task<(List<Alert> Alerts, int Total)> ResolvedAsync(int page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var resolved = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Resolved);
        var total = await resolved.CountAsync(cancellationToken);
        var alerts = await resolved.OrderByDescending(a => a.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (alerts, total);
    }
}
