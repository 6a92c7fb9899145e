using System.Data.Common;

namespace SyncHub.Benchmarks;

internal sealed class PostgresSeedDialect : ISeedDialect
{
    public void Prepare(DbConnection connection) => Seeder.Execute(connection, "SET synchronous_commit = off");

    public string Counter(long count) => $"generate_series(0::bigint, {count - 1}::bigint) AS counter(n)";

    public IReadOnlyList<string> Columns(DbConnection connection, string table) =>
        Seeder.Strings(connection, $"""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = '{table}' AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """);

    // The copies carry explicit ids, so the identity sequences must move past them before SyncHub inserts again.
    public void Finish(DbConnection connection) => Seeder.Execute(connection, """
        SELECT setval(pg_get_serial_sequence('"Records"', 'Id'), (SELECT MAX("Id") FROM "Records"));
        SELECT setval(pg_get_serial_sequence('"SyncLog"', 'Id'), (SELECT MAX("Id") FROM "SyncLog"));
        ANALYZE;
        """);
}
