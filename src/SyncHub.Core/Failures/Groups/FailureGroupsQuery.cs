using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures.Groups;

/// <summary>
/// The failed (or dead-letter) queue grouped by cause, largest group first, at most <see cref="MaxGroups"/>. The
/// grouping walks the (Status, ErrorFingerprint) index, which also hands the rows over in fingerprint order, so there
/// is no sort for the GROUP BY; archived records are left out.
/// </summary>
public sealed class FailureGroupsQuery(IDbContextFactory<SyncHubDbContext> dbFactory, FingerprintBackfill backfill)
{
    public const int MaxGroups = 50;

    public async Task<IReadOnlyList<FailureGroup>> ListAsync(int? integrationId, RecordStatus queue, CancellationToken cancellationToken)
    {
        await backfill.RunAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counted = await Grouped(db, integrationId, queue).ToListAsync(cancellationToken);
        var sampleIds = counted.Select(g => g.SampleId).ToList();
        var samples = await db.Records.AsNoTracking().Where(r => sampleIds.Contains(r.Id))
            .Select(r => new { r.Id, r.IntegrationId, r.Integration!.Slug, r.Integration.Name, r.LastErrorClass, r.LastErrorMessage })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. counted.Where(g => samples.ContainsKey(g.SampleId)).Select(g =>
        {
            var sample = samples[g.SampleId];
            return new FailureGroup(
                g.Fingerprint, sample.IntegrationId, sample.Slug, sample.Name, sample.LastErrorClass, g.Count, g.FirstSeen, g.LastSeen, g.SampleId, sample.LastErrorMessage);
        })];
    }

    /// <summary>The grouping statement alone (a test reads its query plan).</summary>
    internal static IQueryable<GroupCount> Grouped(SyncHubDbContext db, int? integrationId, RecordStatus queue)
    {
        var records = db.Records.AsNoTracking().Where(r => r.Status == queue && r.ErrorFingerprint != null && r.ArchivedAt == null);
        if (integrationId is { } id)
        {
            records = records.Where(r => r.IntegrationId == id);
        }

        return records.GroupBy(r => r.ErrorFingerprint!)
            .Select(g => new GroupCount(g.Key, g.Count(), g.Min(r => r.FirstFailedAt), g.Max(r => r.LastFailedAt), g.Max(r => r.Id)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Fingerprint)
            .Take(MaxGroups);
    }
}
