using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncHub.TestUtils;

/// <summary>While <see cref="Failing"/>, every write fails the way SQLite fails on a full disk (SQLITE_FULL).</summary>
public sealed class WriteFaults : DbCommandInterceptor
{
    private const int SqliteFull = 13;

    public volatile bool Failing;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfWrite(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfWrite(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void ThrowIfWrite(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        if (Failing && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull);
        }
    }
}
