using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Records that failed for the first time while an operation ran. The set was fixed at the start, so they were not
/// swept in; the finished panel points to the failed queue for them. A record the operation tried has an attempt
/// carrying its id, which tells them apart from the operation's own.
/// </summary>
public sealed class OthersFailedQuery(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> CountAsync(RetryOperation operation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var started = operation.CreatedAt;
        var ended = operation.CompletedAt ?? time.GetUtcNow();
        var records = db.Records.Where(r => (r.Status == RecordStatus.Failed || r.Status == RecordStatus.DeadLetter)
            && r.FirstFailedAt >= started && r.FirstFailedAt <= ended && r.RetryOperationId != operation.Id
            && !db.Attempts.Any(a => a.RecordId == r.Id && a.OperationId == operation.Id));
        if (operation.IntegrationId is { } integrationId)
        {
            records = records.Where(r => r.IntegrationId == integrationId);
        }

        return await records.CountAsync(cancellationToken);
    }
}
