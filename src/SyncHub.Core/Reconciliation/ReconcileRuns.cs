using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>Queries on reconciliation rows that starting a comparison and starting a resync share.</summary>
internal static class ReconcileRuns
{
    /// <summary>The integration's comparison or resync that is running, if any.</summary>
    public static Task<ReconcileRun?> BusyAsync(SyncHubDbContext db, int integrationId, CancellationToken cancellationToken) =>
        db.ReconcileRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.IntegrationId == integrationId && (r.Status == ReconcileStatus.Running || r.ResyncStatus == ReconcileResyncStatus.Running), cancellationToken);
}
