using System.Data.Common;

namespace SyncHub.Benchmarks;

/// <summary>What differs between the stores when the seeder copies rows: counters, columns, session settings.</summary>
internal interface ISeedDialect
{
    /// <summary>Session settings for a fast bulk write; the data is scratch.</summary>
    void Prepare(DbConnection connection);

    /// <summary>A table expression with one whole-number column <c>n</c> running from 0 to <paramref name="count"/> - 1.</summary>
    string Counter(long count);

    /// <summary>The table's writable columns, in order.</summary>
    IReadOnlyList<string> Columns(DbConnection connection, string table);

    /// <summary>After the copies: statistics for the planner, and whatever keeps the next ids free.</summary>
    void Finish(DbConnection connection);
}
