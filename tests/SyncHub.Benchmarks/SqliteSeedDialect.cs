using System.Data.Common;

namespace SyncHub.Benchmarks;

internal sealed class SqliteSeedDialect : ISeedDialect
{
    public void Prepare(DbConnection connection) =>
        Seeder.Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");

    public string Counter(long count) =>
        $"(WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n + 1 < {count}) SELECT n FROM c) AS counter";

    public IReadOnlyList<string> Columns(DbConnection connection, string table) =>
        Seeder.Strings(connection, $"SELECT name FROM pragma_table_info('{table}')");

    public void Finish(DbConnection connection) => Seeder.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
}
