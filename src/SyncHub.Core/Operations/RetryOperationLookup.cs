using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>Reads a retry operation as it is stored, untracked: what the panels and every step of a run show.</summary>
public sealed class RetryOperationLookup(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public async Task<RetryOperation?> FindAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetryOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operationId, cancellationToken);
    }

    /// <summary>For a step that has just written the operation: it is there.</summary>
    public async Task<RetryOperation> GetAsync(Guid operationId, CancellationToken cancellationToken) =>
        (await FindAsync(operationId, cancellationToken))!;
}
