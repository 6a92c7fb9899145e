using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

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
                g.Fingerprint, sample.IntegrationId, sample.Slug, sample.Name, sample.LastErrorClass, g.Count, Time(g.FirstSeen), Time(g.LastSeen), g.SampleId,
                sample.LastErrorMessage);
        })];
    }

    /// <summary>
    /// The grouping statement alone (a test reads its query plan). SQL by hand: EF cannot aggregate the DateTimeOffset
    /// columns SQLite stores as binary longs, so MIN/MAX run on the stored values and are converted back here.
    /// </summary>
    internal static IQueryable<GroupCount> Grouped(SyncHubDbContext db, int? integrationId, RecordStatus queue)
    {
        var status = (int)queue;
        return integrationId is { } id
            ? db.Database.SqlQuery<GroupCount>($"""
                SELECT "ErrorFingerprint" AS "Fingerprint", COUNT(*) AS "Count", MIN("FirstFailedAt") AS "FirstSeen",
                       MAX("LastFailedAt") AS "LastSeen", MAX("Id") AS "SampleId"
                FROM "Records"
                WHERE "Status" = {status} AND "ErrorFingerprint" IS NOT NULL AND "ArchivedAt" IS NULL AND "IntegrationId" = {id}
                GROUP BY "ErrorFingerprint"
                ORDER BY "Count" DESC, "Fingerprint"
                LIMIT {MaxGroups}
                """)
            : db.Database.SqlQuery<GroupCount>($"""
                SELECT "ErrorFingerprint" AS "Fingerprint", COUNT(*) AS "Count", MIN("FirstFailedAt") AS "FirstSeen",
                       MAX("LastFailedAt") AS "LastSeen", MAX("Id") AS "SampleId"
                FROM "Records"
                WHERE "Status" = {status} AND "ErrorFingerprint" IS NOT NULL AND "ArchivedAt" IS NULL
                GROUP BY "ErrorFingerprint"
                ORDER BY "Count" DESC, "Fingerprint"
                LIMIT {MaxGroups}
                """);
    }

    private static DateTimeOffset? Time(long? stored) =>
        stored is { } value ? (DateTimeOffset)Converter.ConvertFromProvider(value)! : null;
}
