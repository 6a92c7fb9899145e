using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Core.Queries;

/// <summary>What the mapping editor offers: the entity types an integration's records have, and recent records to preview with.</summary>
public sealed class MappingSamplesQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxEntityTypes = 50;
    public const int MaxSamples = 25;

    public async Task<List<string>> EntityTypesAsync(int integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Records.AsNoTracking().Where(r => r.IntegrationId == integrationId)
            .Select(r => r.EntityType).Distinct().OrderBy(t => t).Take(MaxEntityTypes).ToListAsync(cancellationToken);
    }

    public async Task<List<MappingSample>> RecentAsync(int integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Records.AsNoTracking().Where(r => r.IntegrationId == integrationId)
            .OrderByDescending(r => r.Id).Take(MaxSamples)
            .Select(r => new MappingSample(r.Id, r.EntityType, r.SourceId, "")).ToListAsync(cancellationToken);
    }

    public async Task<MappingSample?> FindAsync(int integrationId, long recordId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Records.AsNoTracking().Where(r => r.IntegrationId == integrationId && r.Id == recordId)
            .Select(r => new MappingSample(r.Id, r.EntityType, r.SourceId, r.Payload)).SingleOrDefaultAsync(cancellationToken);
    }
}
