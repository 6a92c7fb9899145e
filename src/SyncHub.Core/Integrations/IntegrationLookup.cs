using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>Reads integrations as they are stored, untracked.</summary>
public sealed class IntegrationLookup(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public async Task<Integration?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
    }

    public async Task<List<Integration>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
    }
}
