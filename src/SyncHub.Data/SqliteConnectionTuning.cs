using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace SyncHub.Data;

/// <summary>
/// Per-connection SQLite settings: NORMAL sync is durable with WAL and much faster than FULL; the busy
/// timeout makes a writer wait for another instead of failing with SQLITE_BUSY.
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which the pool keeps open across many <see cref="SqliteConnection"/>
/// opens, so they are applied once per native handle; applying them on every open parsed three statements per query.
/// </remarks>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=15000; PRAGMA foreign_keys=ON;";

    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // A connection without a native handle (not SQLite, or not pooled) is always tuned.
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _tuned.TryAdd(handle, this);
}
