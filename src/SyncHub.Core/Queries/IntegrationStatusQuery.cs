using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Breakers;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>Counts and latest events per integration, for the dashboard and the API.</summary>
public sealed class IntegrationStatusQuery(IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, BreakerRegistry breakers)
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
        return ToCounts(await db.Records.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken));
    }

    private async Task<IntegrationStatus> BuildAsync(SyncHubDbContext db, Integration integration, CancellationToken cancellationToken)
    {
        var counts = await db.Records.Where(r => r.IntegrationId == integration.Id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var lastDelivered = await db.Attempts.Where(a => a.IntegrationId == integration.Id && a.ErrorClass == null && a.FinishedAt != null)
            .OrderByDescending(a => a.Id).Select(a => a.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var lastError = await db.Attempts.Where(a => a.IntegrationId == integration.Id && a.ErrorClass != null)
            .OrderByDescending(a => a.Id)
            .Select(a => new LastError(a.ErrorClass!.Value, a.HttpStatus, a.Message, a.FinishedAt ?? a.StartedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new IntegrationStatus(
            integration.Id, integration.Slug, integration.Name, integration.Connector,
            catalog.Find(integration.Connector) is not null, ToCounts(counts), lastDelivered, lastError,
            breakers.Describe(BreakerTarget.Of(integration)));
    }

    private static StatusCounts ToCounts(Dictionary<RecordStatus, int> counts) => new(
        counts.GetValueOrDefault(RecordStatus.Pending),
        counts.GetValueOrDefault(RecordStatus.InFlight),
        counts.GetValueOrDefault(RecordStatus.Delivered),
        counts.GetValueOrDefault(RecordStatus.Failed));
}
