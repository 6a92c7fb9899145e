using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncHub.Data;

/// <summary>
/// PostgreSQL only: a query tagged <see cref="Tag"/> gets <c>FOR UPDATE SKIP LOCKED</c> appended, so nodes picking
/// work at the same moment lock disjoint rows instead of queueing behind each other's claims. EF has no operator
/// for row locks; the tag keeps the query itself in LINQ.
/// </summary>
public sealed class SkipLockedInterceptor : DbCommandInterceptor
{
    public const string Tag = "synchub:for-update-skip-locked";

    private const string Marker = "-- " + Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Append(command);
        return ValueTask.FromResult(result);
    }

    private static void Append(DbCommand command)
    {
        if (command.CommandText.StartsWith(Marker, StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + "\nFOR UPDATE SKIP LOCKED";
        }
    }
}
