using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SyncHub.Core.Records;

/// <summary>A write refused because another writer inserted the same unique key first, on either store.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>True for EF's save exception over a unique violation, or the store's own exception from a prepared insert.</summary>
    public static bool Is(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        DbException other => other.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
