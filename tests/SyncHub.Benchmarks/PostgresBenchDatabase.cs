using System.Data.Common;
using Npgsql;

namespace SyncHub.Benchmarks;

/// <summary>
/// A fresh database on the local PostgreSQL server (<c>SYNCHUB_TEST_POSTGRES</c>, or the one
/// scripts/start-postgres.sh starts), dropped afterwards unless the run keeps its databases.
/// </summary>
internal sealed class PostgresBenchDatabase : BenchDatabase
{
    private readonly PostgresTestDatabase _database;
    private readonly bool _keep;

    private PostgresBenchDatabase(PostgresTestDatabase database, bool keep)
    {
        _database = database;
        _keep = keep;
        Settings = ["--SyncHub:Database:Provider=Postgres", $"--ConnectionStrings:SyncHub={database.ConnectionString}"];
    }

    public override IReadOnlyList<string> Settings { get; }

    public override ISeedDialect Dialect { get; } = new PostgresSeedDialect();

    public static async Task<BenchDatabase> CreateAsync(bool keep)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        if (keep)
        {
            BenchContext.Progress($"PostgreSQL database {database.Name} (kept)");
        }

        return new PostgresBenchDatabase(database, keep);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_keep)
        {
            await _database.DisposeAsync();
        }
    }

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        return connection;
    }
}
