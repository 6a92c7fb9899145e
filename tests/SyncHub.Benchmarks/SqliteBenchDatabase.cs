using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SyncHub.Benchmarks;

/// <summary>A SQLite file in the run's scratch folder, SyncHub's default store.</summary>
internal sealed class SqliteBenchDatabase(string path) : BenchDatabase
{
    public override IReadOnlyList<string> Settings { get; } = [$"--ConnectionStrings:SyncHub=Data Source={path}"];

    public override ISeedDialect Dialect { get; } = new SqliteSeedDialect();

    // The scratch folder goes as a whole at the end of the run (or stays with --keep).
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }
}
