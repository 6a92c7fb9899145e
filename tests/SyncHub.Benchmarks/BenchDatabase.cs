using System.Data.Common;
using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>
/// One scenario's database on the store the run measures: the settings that point SyncHub at it, the seeder's
/// dialect, and plain SQL for looking things up. Disposing it removes it unless the run keeps its databases.
/// </summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    /// <summary>Command-line settings that make SyncHub use this database.</summary>
    public abstract IReadOnlyList<string> Settings { get; }

    /// <summary>How the seeder writes copies on this store.</summary>
    public abstract ISeedDialect Dialect { get; }

    /// <summary>Adds failed and delivered records with their log entries, as <see cref="Seeder.Seed"/> says.</summary>
    public TimeSpan Seed(int failed, int attemptsPerFailed, int delivered)
    {
        using var connection = Open();
        return Seeder.Seed(connection, Dialect, failed, attemptsPerFailed, delivered);
    }

    /// <summary>The first column of the first row of a query, as a whole number (0 when there is none).</summary>
    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public abstract ValueTask DisposeAsync();

    protected abstract DbConnection Open();
}
