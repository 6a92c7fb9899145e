using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// Failed attempts per hour (last 24 h) or day (last 30 d) and error class, with the delivered volume beside them.
/// One GROUP BY over the sync log's StartedAt index, bucketed in SQL.
/// </summary>
public sealed class ErrorTrendQuery(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    // SQLite stores DateTimeOffset through DateTimeOffsetToBinaryConverter: ((ticks / 1000) << 11) | offset minutes.
    // Every time SyncHub writes is UTC (offset 0), so integer division by (bucket ticks / 1000) << 11 yields the
    // bucket number counted from 0001-01-01, the same as ticks / bucket ticks.
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public async Task<ErrorTrend> LoadAsync(TrendRange range, CancellationToken cancellationToken)
    {
        var step = range == TrendRange.Day ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var count = range == TrendRange.Day ? 24 : 30;
        var now = time.GetUtcNow();
        var current = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % step.Ticks), TimeSpan.Zero);
        var from = current - (step * (count - 1));
        var to = current + step;

        var unit = (step.Ticks / 1000) << 11;
        var fromValue = (long)Converter.ConvertToProvider(from)!;
        var toValue = (long)Converter.ConvertToProvider(to)!;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Bucketed(db, fromValue, toValue, unit).ToListAsync(cancellationToken);

        var firstBucket = from.UtcTicks / step.Ticks;
        var buckets = new List<TrendBucket>(count);
        for (var i = 0; i < count; i++)
        {
            var inBucket = rows.Where(r => r.Bucket == firstBucket + i).ToList();
            var failures = inBucket.Where(r => r.ErrorClass is { } c && c != (int)ErrorClass.None)
                .ToDictionary(r => (ErrorClass)r.ErrorClass!.Value, r => r.Count);
            var delivered = inBucket.Where(r => r.ErrorClass is null).Sum(r => r.Count);
            buckets.Add(new TrendBucket(from + (step * i), failures, delivered));
        }

        return new ErrorTrend(range, buckets);
    }

    /// <summary>
    /// The grouping statement alone (a test reads its query plan). The (StartedAt, IntegrationId, Status, ErrorClass)
    /// index holds every column it reads, so a day's window is counted from the index without a look-up per entry.
    /// </summary>
    internal static IQueryable<TrendRow> Bucketed(SyncHubDbContext db, long fromValue, long toValue, long unit)
    {
        var succeeded = (int)AttemptStatus.Succeeded;
        return db.Database.SqlQuery<TrendRow>($"""
            SELECT "StartedAt" / {unit} AS "Bucket", "ErrorClass", CAST(COUNT(*) AS INTEGER) AS "Count"
            FROM "SyncLog"
            WHERE "StartedAt" >= {fromValue} AND "StartedAt" < {toValue}
              AND ("ErrorClass" IS NOT NULL OR "Status" = {succeeded})
            GROUP BY "Bucket", "ErrorClass"
            """);
    }
}
