using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>Runs newest first (keyset on Id), one run, and a run's error log.</summary>
public sealed class RunsQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public async Task<List<RunRow>> PageAsync(int? integrationId, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.AsNoTracking();
        if (integrationId is { } id)
        {
            runs = runs.Where(r => r.IntegrationId == id);
        }

        if (before is { } cursor)
        {
            runs = runs.Where(r => r.Id < cursor);
        }

        var page = await runs.OrderByDescending(r => r.Id).Take(limit)
            .Join(db.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => new { Run = r, i.Slug, i.Name })
            .ToListAsync(cancellationToken);
        return [.. page.OrderByDescending(p => p.Run.Id).Select(p => new RunRow(p.Run, p.Slug, p.Name))];
    }

    public async Task<RunRow?> FindAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Runs.AsNoTracking().Where(r => r.Id == runId)
            .Join(db.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => new { Run = r, i.Slug, i.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new RunRow(row.Run, row.Slug, row.Name);
    }

    /// <summary>The run's failed and skipped attempts, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<List<RunLogEntry>> ErrorLogAsync(long runId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Attempts.AsNoTracking()
            .Where(a => a.RunId == runId && a.ErrorClass != null)
            .OrderByDescending(a => a.Id).Take(limit)
            .Join(db.Records, a => a.RecordId, r => r.Id, (a, r) => new RunLogEntry(
                a.Id, r.Id, r.EntityType, r.SourceId, a.Status, a.ErrorClass, a.Message, a.FinishedAt ?? a.StartedAt, r.Status, r.FailedRuns))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The running run of an integration, if any.</summary>
    public async Task<SyncRun?> RunningAsync(int integrationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.IntegrationId == integrationId && r.Status == RunStatus.Running)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
