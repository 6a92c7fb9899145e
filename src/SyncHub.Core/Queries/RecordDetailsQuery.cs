using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

public sealed class RecordDetailsQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxAttempts = 500;
    public const int MaxChanges = 200;

    public async Task<RecordDetails?> FindAsync(long recordId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Records.AsNoTracking().Include(r => r.Integration).SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        // The newest attempts matter most; a record retried past the cap still shows its latest history.
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.RecordId == recordId)
            .OrderByDescending(a => a.Id).Take(MaxAttempts).ToListAsync(cancellationToken);
        attempts.Reverse();
        var parent = record.ParentSourceId is null ? null : await db.Records.AsNoTracking()
            .Where(p => p.IntegrationId == record.IntegrationId && p.EntityType == record.ParentEntityType && p.SourceId == record.ParentSourceId)
            .Select(p => new { p.Id, p.Status }).SingleOrDefaultAsync(cancellationToken);
        var changes = await db.RecordChanges.AsNoTracking().Where(c => c.RecordId == recordId).OrderByDescending(c => c.Id).Take(MaxChanges)
            .Select(c => new RecordChange { Id = c.Id, RecordId = c.RecordId, At = c.At, Actor = c.Actor, Kind = c.Kind, FromVersion = c.FromVersion, ToVersion = c.ToVersion, Detail = c.Detail })
            .ToListAsync(cancellationToken);
        return new RecordDetails(record, record.Integration!.Slug, record.Integration.Name, attempts)
        {
            ParentRecordId = parent?.Id,
            ParentStatus = parent?.Status,
            Changes = changes,
        };
    }
}
