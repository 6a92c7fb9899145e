using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Breakers;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>Counts and latest events per integration, for the dashboard and the API.</summary>
public sealed class IntegrationStatusQuery(IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, BreakerRegistry breakers, Pacing.ConnectionPauses pauses, Budgets.ErrorBudgetCache budgets)
{
    public async Task<List<IntegrationStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integrations = await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var result = new List<IntegrationStatus>(integrations.Count);
        foreach (var integration in integrations)
        {
            result.Add(await BuildAsync(db, integration, cancellationToken));
        }

        return result;
    }

    public async Task<IntegrationStatus?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
        return integration is null ? null : await BuildAsync(db, integration, cancellationToken);
    }

    public async Task<StatusCounts> TotalsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StatusCountsReader.ReadAsync(db, null, cancellationToken);
    }

    /// <summary>The counts for one integration, or all of them.</summary>
    public async Task<StatusCounts> CountsAsync(int? integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StatusCountsReader.ReadAsync(db, integrationId, cancellationToken);
    }

    private async Task<IntegrationStatus> BuildAsync(SyncHubDbContext db, Integration integration, CancellationToken cancellationToken)
    {
        var counts = await StatusCountsReader.ReadAsync(db, integration.Id, cancellationToken);
        var lastDelivered = await db.Attempts.Where(a => a.IntegrationId == integration.Id && a.ErrorClass == null && a.FinishedAt != null)
            .OrderByDescending(a => a.Id).Select(a => a.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var lastError = await LastErrors(db, integration.Id).FirstOrDefaultAsync(cancellationToken);
        return new IntegrationStatus(
            integration.Id, integration.Slug, integration.Name, integration.Connector,
            catalog.Find(integration.Connector) is not null, counts, lastDelivered, lastError,
            breakers.Describe(BreakerTarget.Of(integration)))
        {
            Connection = integration.ConnectionState,
            ConnectionNote = integration.ConnectionNote,
            Pause = pauses.For(integration.Id),
            Paused = integration.PausedAt is { } pausedAt ? new Integrations.IntegrationPause(pausedAt, integration.PausedBy ?? "unknown", integration.PauseReason) : null,
            Budget = await budgets.ForAsync(integration, cancellationToken),
            ConnectorProblem = catalog.Problems.FirstOrDefault(p => string.Equals(p.Connector, integration.Connector, StringComparison.OrdinalIgnoreCase))?.Reason,
            LastRun = await db.Runs.AsNoTracking().Where(r => r.IntegrationId == integration.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken),
        };
    }

    /// <summary>
    /// The integration's failed entries, newest first (a test reads its query plan): the partial index of failed
    /// entries finds the newest one at once, however many deliveries came after it.
    /// </summary>
    internal static IQueryable<LastError> LastErrors(SyncHubDbContext db, int integrationId) =>
        db.Attempts.Where(a => a.IntegrationId == integrationId && a.ErrorClass != null)
            .OrderByDescending(a => a.Id)
            .Select(a => new LastError(a.ErrorClass!.Value, a.HttpStatus, a.Message, a.FinishedAt ?? a.StartedAt));
}
