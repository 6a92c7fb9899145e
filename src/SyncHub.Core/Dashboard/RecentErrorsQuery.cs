using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data;

namespace SyncHub.Core.Dashboard;

/// <summary>The newest failed attempts (last 30 days), each with what became of it, runs of alike failures grouped.</summary>
public sealed class RecentErrorsQuery(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    private const int AttemptsRead = 200;

    public async Task<IReadOnlyList<RecentErrorGroup>> ListAsync(int groups, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-30);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Newest(db, since)
            .Join(db.Records, a => a.RecordId, r => r.Id, (a, r) => new { a, r.Status, r.EntityType, r.SourceId })
            .Join(db.Integrations, x => x.a.IntegrationId, i => i.Id, (x, i) => new { x.a, x.Status, x.EntityType, x.SourceId, i.Slug, i.Name })
            .GroupJoin(db.Attempts, x => x.a.ResolvedByAttemptId, res => res.Id, (x, res) => new { x, res })
            .SelectMany(j => j.res.DefaultIfEmpty(), (j, res) => new
            {
                j.x.a, j.x.Status, j.x.EntityType, j.x.SourceId, j.x.Slug, j.x.Name,
                ResolvedTrigger = res == null ? (Data.Entities.AttemptTrigger?)null : res.Trigger,
                ResolvedVersion = res == null ? 0 : res.PayloadVersion,
                ResolvedAt = res == null ? null : res.FinishedAt,
            })
            .ToListAsync(cancellationToken);

        var errors = rows.OrderByDescending(x => x.a.StartedAt).ThenByDescending(x => x.a.Id).Select(x => new RecentError(
            x.a.Id, x.a.StartedAt, x.Slug, x.Name, x.a.ErrorClass!.Value, x.a.HttpStatus, x.a.Message, x.a.RecordId, x.EntityType, x.SourceId,
            ErrorOutcomes.Of(x.a.PayloadVersion, x.ResolvedTrigger, x.ResolvedVersion, x.Status), x.ResolvedAt,
            x.ResolvedTrigger is null ? null : x.a.ResolvedByAttemptId, x.ResolvedTrigger is null ? null : x.ResolvedVersion));
        return Group(errors).Take(groups).ToList();
    }

    /// <summary>The newest failed entries since <paramref name="since"/>, read from the partial index of failed entries.</summary>
    internal static IQueryable<Data.Entities.SyncAttempt> Newest(SyncHubDbContext db, DateTimeOffset since) =>
        db.Attempts.AsNoTracking()
            .Where(a => a.StartedAt >= since && a.ErrorClass != null && a.ErrorClass != ErrorClass.None)
            .OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id)
            .Take(AttemptsRead);

    /// <summary>Consecutive failures of the same integration and error class within the same minute form one group.</summary>
    private static IEnumerable<RecentErrorGroup> Group(IEnumerable<RecentError> errors)
    {
        var current = new List<RecentError>();
        foreach (var error in errors)
        {
            if (current.Count > 0 && !Alike(current[0], error))
            {
                yield return new RecentErrorGroup(current);
                current = [];
            }

            current.Add(error);
        }

        if (current.Count > 0)
        {
            yield return new RecentErrorGroup(current);
        }
    }

    private static bool Alike(RecentError first, RecentError next) =>
        first.IntegrationSlug == next.IntegrationSlug && first.ErrorClass == next.ErrorClass
        && first.At.UtcTicks / TimeSpan.TicksPerMinute == next.At.UtcTicks / TimeSpan.TicksPerMinute;
}
