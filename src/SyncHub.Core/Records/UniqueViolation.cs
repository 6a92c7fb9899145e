using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SyncHub.Core.Records;

/// <summary>A write refused because another writer inserted the same unique key first, on either store.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        DbException other => other.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
