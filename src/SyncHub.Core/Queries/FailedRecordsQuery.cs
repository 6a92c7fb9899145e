using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// The failed queue, newest record first, keyset-paged on the record id: page 500 costs what page 1 does.
/// </summary>
public sealed class FailedRecordsQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<FailedRecordPage> PageAsync(int? integrationId, long? before, int limit, CancellationToken cancellationToken) =>
        await PageAsync(integrationId, RecordStatus.Failed, before, limit, cancellationToken);

    public async Task<FailedRecordPage> PageAsync(int? integrationId, RecordStatus status, long? before, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = db.Records.AsNoTracking().Where(r => r.Status == status);
        if (integrationId is { } id)
        {
            records = records.Where(r => r.IntegrationId == id);
        }

        if (before is { } cursor)
        {
            records = records.Where(r => r.Id < cursor);
        }

        var rows = await records.OrderByDescending(r => r.Id).Take(limit + 1)
            .Select(r => new FailedRecordRow(
                r.Id, r.Integration!.Slug, r.Integration.Name, r.EntityType, r.SourceId, r.RetryCount,
                r.LastErrorClass, r.LastHttpStatus, r.LastErrorMessage, r.FirstFailedAt, r.LastFailedAt,
                r.NextAttemptAt, r.AutomaticRetriesExhausted, r.RetryOperationId != null))
            .ToListAsync(cancellationToken);
        var next = rows.Count > limit ? rows[limit - 1].Id : (long?)null;
        return new FailedRecordPage(rows.Take(limit).ToList(), next);
    }
}
