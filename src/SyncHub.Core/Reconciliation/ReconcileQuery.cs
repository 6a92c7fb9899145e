using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>Reads reconciliations, their differences (keyset pages, one kind or all) and their resync's progress.</summary>
public sealed class ReconcileQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    /// <summary>Newest first, before <paramref name="before"/>, of one integration or all.</summary>
    public async Task<List<ReconcileRow>> PageAsync(int? integrationId, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.ReconcileRuns.AsNoTracking();
        if (integrationId is { } id)
        {
            runs = runs.Where(r => r.IntegrationId == id);
        }

        if (before is { } cursor)
        {
            runs = runs.Where(r => r.Id < cursor);
        }

        return await runs.OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, MaxPageSize + 1))
            .Join(db.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => new ReconcileRow(r, i.Slug, i.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<ReconcileRow?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReconcileRuns.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => new ReconcileRow(r, i.Slug, i.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> differences after <paramref name="after"/> in id order, of one kind or all.</summary>
    public async Task<List<DifferenceView>> DifferencesAsync(long runId, ReconcileDifferenceKind? kind, long? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.ReconcileDifferences.AsNoTracking().Where(d => d.RunId == runId);
        if (kind is { } only)
        {
            rows = rows.Where(d => d.Kind == only);
        }

        if (after is { } cursor)
        {
            rows = rows.Where(d => d.Id > cursor);
        }

        var page = await rows.OrderBy(d => d.Id).Take(Math.Clamp(limit, 1, MaxPageSize + 1))
            .Select(d => new
            {
                d.Id, d.Kind, d.EntityType, d.SourceId, d.Reference, d.RecordId, d.RecordStatus, d.ExternalId, d.Label, d.FieldsJson, d.Note, d.Resyncable,
                d.Resync, d.ResyncNote,
            })
            .ToListAsync(cancellationToken);
        return [.. page.Select(d => new DifferenceView(d.Id, d.Kind, d.EntityType, d.SourceId, d.Reference, d.RecordId, d.RecordStatus, d.ExternalId, d.Label,
            DifferenceRows.Fields(d.FieldsJson), d.Note, d.Resyncable, d.Resync, d.ResyncNote))];
    }

    /// <summary>How many of its differences "Resync missing and different" would take.</summary>
    public async Task<int> ResyncableCountAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReconcileDifferences.CountAsync(d => d.RunId == runId && d.Resyncable, cancellationToken);
    }

    /// <summary>The resync's counts, and the statuses now of the records it queued.</summary>
    public async Task<ResyncProgress> ProgressAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runId = run.Id;
        var statuses = await db.ReconcileDifferences.AsNoTracking()
            .Where(d => d.RunId == runId && d.Resync == DifferenceResync.Queued && d.RecordId != null)
            .Join(db.Records, d => d.RecordId, r => (long?)r.Id, (d, r) => r.Status)
            .GroupBy(status => status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(params RecordStatus[] of) => statuses.Where(s => of.Contains(s.Status)).Sum(s => s.Count);
        return new ResyncProgress(run.ResyncTotal, run.ResyncQueued, run.ResyncLeft,
            Count(RecordStatus.Delivered),
            Count(RecordStatus.Failed, RecordStatus.DeadLetter, RecordStatus.Skipped, RecordStatus.NeedsReview, RecordStatus.Dismissed),
            Count(RecordStatus.Pending, RecordStatus.InFlight, RecordStatus.Blocked));
    }
}
