using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Breakers;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>Counts and latest events per integration, for the dashboard and the API.</summary>
public sealed class IntegrationStatusQuery(IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, BreakerRegistry breakers, Pacing.ConnectionPauses pauses, Budgets.ErrorBudgetQuery budgets)
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
        return await CountAsync(db.Records, cancellationToken);
    }

    /// <summary>The counts for one integration, or all of them.</summary>
    public async Task<StatusCounts> CountsAsync(int? integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountAsync(integrationId is { } id ? db.Records.Where(r => r.IntegrationId == id) : db.Records, cancellationToken);
    }

    private async Task<IntegrationStatus> BuildAsync(SyncHubDbContext db, Integration integration, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(db.Records.Where(r => r.IntegrationId == integration.Id), cancellationToken);
        var lastDelivered = await db.Attempts.Where(a => a.IntegrationId == integration.Id && a.ErrorClass == null && a.FinishedAt != null)
            .OrderByDescending(a => a.Id).Select(a => a.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var lastError = await db.Attempts.Where(a => a.IntegrationId == integration.Id && a.ErrorClass != null)
            .OrderByDescending(a => a.Id)
            .Select(a => new LastError(a.ErrorClass!.Value, a.HttpStatus, a.Message, a.FinishedAt ?? a.StartedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new IntegrationStatus(
            integration.Id, integration.Slug, integration.Name, integration.Connector,
            catalog.Find(integration.Connector) is not null, counts, lastDelivered, lastError,
            breakers.Describe(BreakerTarget.Of(integration)))
        {
            Connection = integration.ConnectionState,
            ConnectionNote = integration.ConnectionNote,
            Pause = pauses.For(integration.Id),
            Paused = integration.PausedAt is { } pausedAt ? new Integrations.IntegrationPause(pausedAt, integration.PausedBy ?? "unknown", integration.PauseReason) : null,
            Budget = await budgets.ForAsync(db, integration, cancellationToken),
            ConnectorProblem = catalog.Problems.FirstOrDefault(p => string.Equals(p.Connector, integration.Connector, StringComparison.OrdinalIgnoreCase))?.Reason,
            LastRun = await db.Runs.AsNoTracking().Where(r => r.IntegrationId == integration.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken),
        };
    }

    // The per-status counts come from the (Status, Id) index alone; the archive is small and has its own index, so
    // archived failures and dead letters are counted there and taken off the queues.
    private static async Task<StatusCounts> CountAsync(IQueryable<SyncRecord> records, CancellationToken cancellationToken)
    {
        var counts = await records.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var archived = await records.Where(r => r.ArchivedAt != null).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Active(RecordStatus status) => counts.GetValueOrDefault(status) - archived.GetValueOrDefault(status);
        return new StatusCounts(
            counts.GetValueOrDefault(RecordStatus.Pending),
            counts.GetValueOrDefault(RecordStatus.InFlight),
            counts.GetValueOrDefault(RecordStatus.Delivered),
            Active(RecordStatus.Failed),
            Active(RecordStatus.DeadLetter),
            archived.Values.Sum())
        {
            NeedsReview = Active(RecordStatus.NeedsReview),
        };
    }
}
