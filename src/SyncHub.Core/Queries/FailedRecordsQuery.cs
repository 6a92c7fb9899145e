using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// The failed queue, the dead-letter queue (any status, in fact) and the archive, newest record first,
/// keyset-paged on the record id: page 500 costs what page 1 does. Archived records appear only in the archive.
/// </summary>
public sealed class FailedRecordsQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<FailedRecordPage> PageAsync(int? integrationId, long? before, int limit, CancellationToken cancellationToken) =>
        await PageAsync(integrationId, RecordStatus.Failed, before, limit, cancellationToken);

    /// <summary>The failed queue, optionally only the records whose last error is of one class.</summary>
    public Task<FailedRecordPage> PageAsync(int? integrationId, ErrorClass? errorClass, long? before, int limit, CancellationToken cancellationToken) =>
        errorClass is { } wanted
            ? PageAsync(r => r.Status == RecordStatus.Failed && r.ArchivedAt == null && r.LastErrorClass == wanted, integrationId, before, limit, cancellationToken)
            : PageAsync(integrationId, RecordStatus.Failed, before, limit, cancellationToken);

    /// <summary>Records of one status that are not archived.</summary>
    public Task<FailedRecordPage> PageAsync(int? integrationId, RecordStatus status, long? before, int limit, CancellationToken cancellationToken) =>
        PageAsync(r => r.Status == status && r.ArchivedAt == null, integrationId, before, limit, cancellationToken);

    /// <summary>Records of one status that are not archived and pass the filter (which names the integration, if any).</summary>
    public Task<FailedRecordPage> PageAsync(RecordStatus status, RecordFilter filter, long? before, int limit, CancellationToken cancellationToken) =>
        PageAsync(r => r.Status == status && r.ArchivedAt == null, null, before, limit, cancellationToken, filter);

    /// <summary>Archived records of any status.</summary>
    public Task<FailedRecordPage> ArchivedPageAsync(int? integrationId, long? before, int limit, CancellationToken cancellationToken) =>
        PageAsync(r => r.ArchivedAt != null, integrationId, before, limit, cancellationToken);

    private async Task<FailedRecordPage> PageAsync(
        Expression<Func<SyncRecord, bool>> filter, int? integrationId, long? before, int limit, CancellationToken cancellationToken,
        RecordFilter? more = null)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = db.Records.AsNoTracking().Where(filter);
        if (more is not null)
        {
            records = more.Apply(records);
        }

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
                r.NextAttemptAt, r.AutomaticRetriesExhausted, r.RetryOperationId != null,
                r.Status, db.Attempts.Count(a => a.RecordId == r.Id), r.ArchivedAt, r.ArchivedBy) { IntegrationId = r.IntegrationId })
            .ToListAsync(cancellationToken);
        var next = rows.Count > limit ? rows[limit - 1].Id : (long?)null;
        var page = rows.Take(limit).ToList();
        var recent = await RecentAttempts.ReadAsync(db, page.Where(r => r.ErrorClass is not null).Select(r => r.IntegrationId), cancellationToken);
        return new FailedRecordPage([.. page.Select(row => row.ErrorClass is { } errorClass
            ? row with { Diagnosis = ErrorDiagnosis.For(errorClass, row.IntegrationName, recent[row.IntegrationId]).Text }
            : row)], next);
    }
}
