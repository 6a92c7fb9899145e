using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

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
    private static readonly string[] EntityTypes = ["invoice", "payment", "customer"];

    /// <summary>Adds <paramref name="failed"/> failed records with <paramref name="attemptsPerFailed"/> failed entries each, and
    /// <paramref name="delivered"/> delivered records with one entry each. Returns how long it took.</summary>
    public static TimeSpan Seed(string databasePath, int failed, int attemptsPerFailed, int delivered)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        using (var transaction = connection.BeginTransaction())
        {
            var failedTemplate = Scalar(connection, "SELECT Id FROM Records WHERE LastErrorClass IS NOT NULL AND DeliveredAt IS NULL ORDER BY Id LIMIT 1");
            var deliveredTemplate = Scalar(connection, "SELECT Id FROM Records WHERE DeliveredAt IS NOT NULL ORDER BY Id LIMIT 1");
            var now = Scalar(connection, $"SELECT MAX(StartedAt) FROM SyncLog");
            var (unitsPerSecond, granule) = Encoding(now);
            var span = 30L * 86_400 * unitsPerSecond;
            var nextRecord = Scalar(connection, "SELECT MAX(Id) FROM Records") + 1;
            var nextEntry = Scalar(connection, "SELECT MAX(Id) FROM SyncLog") + 1;
            if (failed > 0)
            {
                CopyRecords(connection, failedTemplate, nextRecord, failed, span, granule, "F", nextEntry + attemptsPerFailed - 1, attemptsPerFailed);
                CopyEntries(connection, failedTemplate, nextRecord, failed, attemptsPerFailed, nextEntry, span, granule);
            }

            var deliveredRecord = nextRecord + failed;
            var deliveredEntry = nextEntry + (long)failed * attemptsPerFailed;
            if (delivered > 0)
            {
                CopyRecords(connection, deliveredTemplate, deliveredRecord, delivered, span, granule, "D", deliveredEntry, 1);
                CopyEntries(connection, deliveredTemplate, deliveredRecord, delivered, 1, deliveredEntry, span, granule);
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return clock.Elapsed;
    }

    /// <summary>
    /// Stored instants are whole numbers; their size says their encoding. EF Core's DateTimeOffset-to-binary form
    /// (the one SyncHub's SQLite schema uses) keeps ticks/1000 in the high bits and the offset in minutes in the
    /// low 11, so ages are whole multiples of 2048 there and the offset stays zero.
    /// </summary>
    private static (long UnitsPerSecond, long Granule) Encoding(long instant) => instant switch
    {
        < 100_000_000_000 => (1, 1),
        < 100_000_000_000_000 => (1_000, 1),
        < 1_000_000_000_000_000_000 => (TimeSpan.TicksPerSecond, 1),
        _ => (TimeSpan.TicksPerSecond / 1000 * 2048, 2048),
    };

    private static void CopyRecords(SqliteConnection connection, long template, long firstId, int count, long span, long granule, string prefix, long firstLastAttempt, int attemptsEach)
    {
        // Copy n (0-based) is n/count of the 30 days older than the template, newest first, like a real queue.
        var age = $"((({span / granule} * n) / {count}) * {granule})";
        var entityType = $"CASE n % 3 WHEN 0 THEN '{EntityTypes[0]}' WHEN 1 THEN '{EntityTypes[1]}' ELSE '{EntityTypes[2]}' END";
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = $"{firstId} + ({count} - 1 - n)",
            ["SourceId"] = $"'{prefix}-' || n",
            ["EntityType"] = entityType,
            ["IdempotencyBase"] = $"substr(IdempotencyBase, 1, 40) || '-{prefix}' || n",
            ["LastAttemptId"] = $"CASE WHEN LastAttemptId IS NULL THEN NULL ELSE {firstLastAttempt} + ({count} - 1 - n) * {attemptsEach} END",
            ["CreatedAt"] = $"CreatedAt - {age}",
            ["UpdatedAt"] = $"UpdatedAt - {age}",
            ["FirstFailedAt"] = $"FirstFailedAt - {age}",
            ["LastFailedAt"] = $"LastFailedAt - {age}",
            ["DeliveredAt"] = $"DeliveredAt - {age}",
            ["RetryCount"] = attemptsEach > 1 ? $"{attemptsEach - 1}" : "RetryCount",
            ["RetryOperationId"] = "NULL",
            ["RunId"] = "NULL",
        };
        Copy(connection, "Records", overrides, count, $"Id = {template}");
    }

    private static void CopyEntries(SqliteConnection connection, long templateRecord, long firstRecord, int records, int perRecord, long firstId, long span, long granule)
    {
        // Entry n belongs to record n / perRecord; ids and times rise together, as they do when SyncHub writes them.
        var total = (long)records * perRecord;
        var record = $"(({total} - 1 - n) / {perRecord})";
        var age = $"((({span / granule} * n) / {total}) * {granule})";
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = $"{firstId} + ({total} - 1 - n)",
            ["RecordId"] = $"{firstRecord} + {record}",
            ["StartedAt"] = $"StartedAt - {age}",
            ["FinishedAt"] = $"FinishedAt - {age}",
            ["RunId"] = "NULL",
            ["OperationId"] = "NULL",
        };
        Copy(connection, "SyncLog", overrides, total, $"Id = (SELECT MAX(Id) FROM SyncLog WHERE RecordId = {templateRecord} AND Id < {firstId})");
    }

    private static void Copy(SqliteConnection connection, string table, Dictionary<string, string> overrides, long count, string template)
    {
        var columns = Columns(connection, table);
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : $"\"{c}\""));
        Execute(connection, $"""
            WITH RECURSIVE counter(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM counter WHERE n + 1 < {count})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {select} FROM counter CROSS JOIN (SELECT * FROM "{table}" WHERE {template})
            """);
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
