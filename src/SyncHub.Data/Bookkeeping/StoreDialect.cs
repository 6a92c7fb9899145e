using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// The little SQL that differs between the stores, for the set-based statements written by hand: a list of ids and a
/// row set passed as one parameter each (so a statement's text, and its prepared plan, is the same whatever the size of
/// the set), Guid text and row locks. Placeholders are EF's <c>{n}</c> parameters.
/// </summary>
public abstract class StoreDialect
{
    public static StoreDialect Sqlite { get; } = new SqliteDialect();

    public static StoreDialect Postgres { get; } = new PostgresDialect();

    public static StoreDialect Of(DatabaseFacade database) => database.IsPostgres() ? Postgres : Sqlite;

    /// <summary>A subquery of the ids in the parameter <paramref name="placeholder"/>, for <c>IN (…)</c>.</summary>
    public abstract string Ids(string placeholder);

    /// <summary>The parameter value <see cref="Ids"/> reads.</summary>
    public abstract object IdsValue(IEnumerable<long> ids);

    /// <summary>A FROM item named <paramref name="alias"/> with the given columns, read from the JSON array in the parameter <paramref name="placeholder"/>.</summary>
    public abstract string RowSet(string placeholder, string alias, IReadOnlyList<RowSetColumn> columns);

    /// <summary>True when <see cref="JsonRows"/> writes each row as an array in column order rather than an object.</summary>
    public abstract bool PositionalRows { get; }

    /// <summary>How a Guid column's value is written in JSON so the store compares it equal to the column.</summary>
    public abstract string GuidText(Guid value);

    /// <summary>Appended to a SELECT that claims rows: nodes claiming at once lock disjoint rows (nothing on SQLite, whose writers queue).</summary>
    public abstract string SkipLocked(string table);

    /// <summary>Appended to a SELECT that is about to change the rows it read, so no other transaction changes them first.</summary>
    public abstract string ForUpdate { get; }
}
