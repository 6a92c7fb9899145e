using System.Data.Common;

namespace SyncHub.Benchmarks;

/// <summary>
/// Writes the seeder's copies, one INSERT … SELECT per table and kind. Copies spread over <paramref name="span"/> (30
/// days in stored units) and over three entity types.
/// </summary>
internal sealed class SeedCopier(DbConnection connection, ISeedDialect dialect, long span, long granule)
{
    private static readonly string[] EntityTypes = ["invoice", "payment", "customer"];

    public void Records(long template, long firstId, int count, string prefix, long firstLastAttempt, int attemptsEach)
    {
        // Copy n (0-based) is n/count of the 30 days older than the template, newest first, like a real queue.
        var age = $"((({span / granule} * n) / {count}) * {granule})";
        var entityType = $"CASE n % 3 WHEN 0 THEN '{EntityTypes[0]}' WHEN 1 THEN '{EntityTypes[1]}' ELSE '{EntityTypes[2]}' END";
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = $"{firstId} + ({count} - 1 - n)",
            ["SourceId"] = $"'{prefix}-' || n",
            ["EntityType"] = entityType,
            ["IdempotencyBase"] = $"substr(\"IdempotencyBase\", 1, 40) || '-{prefix}' || n",
            ["LastAttemptId"] = $"CASE WHEN \"LastAttemptId\" IS NULL THEN NULL ELSE {firstLastAttempt} + ({count} - 1 - n) * {attemptsEach} END",
            ["CreatedAt"] = $"\"CreatedAt\" - {age}",
            ["UpdatedAt"] = $"\"UpdatedAt\" - {age}",
            ["FirstFailedAt"] = $"\"FirstFailedAt\" - {age}",
            ["LastFailedAt"] = $"\"LastFailedAt\" - {age}",
            ["DeliveredAt"] = $"\"DeliveredAt\" - {age}",
            ["RetryCount"] = attemptsEach > 1 ? $"{attemptsEach - 1}" : "\"RetryCount\"",
            ["RetryOperationId"] = "NULL",
            ["RunId"] = "NULL",
        };
        Copy("Records", overrides, count, $"\"Id\" = {template}");
    }

    public void Entries(long templateRecord, long firstRecord, int records, int perRecord, long firstId)
    {
        // Entry n belongs to record n / perRecord; ids and times rise together, as they do when SyncHub writes them.
        var total = (long)records * perRecord;
        var record = $"(({total} - 1 - n) / {perRecord})";
        var age = $"((({span / granule} * n) / {total}) * {granule})";
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = $"{firstId} + ({total} - 1 - n)",
            ["RecordId"] = $"{firstRecord} + {record}",
            ["StartedAt"] = $"\"StartedAt\" - {age}",
            ["FinishedAt"] = $"\"FinishedAt\" - {age}",
            ["RunId"] = "NULL",
            ["OperationId"] = "NULL",
        };
        Copy("SyncLog", overrides, total, $"\"Id\" = (SELECT MAX(\"Id\") FROM \"SyncLog\" WHERE \"RecordId\" = {templateRecord} AND \"Id\" < {firstId})");
    }

    private void Copy(string table, Dictionary<string, string> overrides, long count, string template)
    {
        var columns = dialect.Columns(connection, table);
        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : $"\"{c}\""));
        Seeder.Execute(connection, $"""
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {select} FROM {dialect.Counter(count)} CROSS JOIN (SELECT * FROM "{table}" WHERE {template}) AS template
            """);
    }
}
