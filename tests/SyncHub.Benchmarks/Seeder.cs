using SyncHub.Data.Bookkeeping;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// Fills a stopped SyncHub's database fast: copies a failed and a delivered record that SyncHub itself wrote
/// (with their sync log entries) into as many rows as asked, in one transaction of INSERT … SELECT statements over
/// a counter. Every column the copies do not change comes from the real rows, so the schema SyncHub migrated stays
/// the only schema there is. Copies spread over the last 30 days and over three entity types, so the dashboard's
/// windows and the failed list's filters see realistic shares.
/// </summary>
internal static class Seeder
{
    /// <summary>Adds <paramref name="failed"/> failed records with <paramref name="attemptsPerFailed"/> failed entries each, and
    /// <paramref name="delivered"/> delivered records with one entry each. Returns how long it took.</summary>
    public static TimeSpan Seed(DbConnection connection, ISeedDialect dialect, int failed, int attemptsPerFailed, int delivered)
    {
        var clock = Stopwatch.StartNew();
        dialect.Prepare(connection);
        using (var transaction = connection.BeginTransaction())
        {
            var failedTemplate = Scalar(connection, "SELECT \"Id\" FROM \"Records\" WHERE \"LastErrorClass\" IS NOT NULL AND \"DeliveredAt\" IS NULL ORDER BY \"Id\" LIMIT 1");
            var deliveredTemplate = Scalar(connection, "SELECT \"Id\" FROM \"Records\" WHERE \"DeliveredAt\" IS NOT NULL ORDER BY \"Id\" LIMIT 1");
            var (unitsPerSecond, granule) = TimeUnits(connection);
            var span = 30L * 86_400 * unitsPerSecond;
            var nextRecord = Scalar(connection, "SELECT MAX(\"Id\") FROM \"Records\"") + 1;
            var nextEntry = Scalar(connection, "SELECT MAX(\"Id\") FROM \"SyncLog\"") + 1;
            var copier = new SeedCopier(connection, dialect, span, granule);
            if (failed > 0)
            {
                copier.Records(failedTemplate, nextRecord, failed, "F", nextEntry + attemptsPerFailed - 1, attemptsPerFailed);
                copier.Entries(failedTemplate, nextRecord, failed, attemptsPerFailed, nextEntry);
            }

            var deliveredRecord = nextRecord + failed;
            var deliveredEntry = nextEntry + (long)failed * attemptsPerFailed;
            if (delivered > 0)
            {
                copier.Records(deliveredTemplate, deliveredRecord, delivered, "D", deliveredEntry, 1);
                copier.Entries(deliveredTemplate, deliveredRecord, delivered, 1, deliveredEntry);
            }

            // Copied rows bypass SyncHub's writers: give them their counts and work-queue rows the way SyncHub would.
            Execute(connection, """
                DELETE FROM "RecordCounts";
                INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, COUNT(*) FROM "Records" GROUP BY 1, 2, 3;
                """);
            Execute(connection, WorkQueueProjection.InsertFor(string.Create(CultureInfo.InvariantCulture, $"r.\"Id\" >= {nextRecord}")));
            transaction.Commit();
        }

        dialect.Finish(connection);
        return clock.Elapsed;
    }

    /// <summary>
    /// Both stores keep instants as whole numbers; their size says their encoding. EF Core's DateTimeOffset-to-binary
    /// form (the one SyncHub's schemas use) keeps ticks/1000 in the high bits and the offset in minutes in the low 11,
    /// so ages are whole multiples of 2048 there and the offset stays zero.
    /// </summary>
    private static (long UnitsPerSecond, long Granule) TimeUnits(DbConnection connection) =>
        Scalar(connection, "SELECT MAX(\"StartedAt\") FROM \"SyncLog\"") switch
        {
            < 100_000_000_000 => (1, 1),
            < 100_000_000_000_000 => (1_000, 1),
            < 1_000_000_000_000_000_000 => (TimeSpan.TicksPerSecond, 1),
            _ => (TimeSpan.TicksPerSecond / 1000 * 2048, 2048),
        };

    public static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<string> Strings(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
