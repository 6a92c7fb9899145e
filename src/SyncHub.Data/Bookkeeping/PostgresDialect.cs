namespace SyncHub.Data.Bookkeeping;

/// <summary>PostgreSQL: id sets are bigint arrays, row sets typed by <c>jsonb_to_recordset</c>; claims skip locked rows.</summary>
internal sealed class PostgresDialect : StoreDialect
{
    public override string Ids(string placeholder) => $"SELECT unnest(CAST({placeholder} AS bigint[]))";

    public override object IdsValue(IEnumerable<long> ids) => ids.ToArray();

    public override string RowSet(string placeholder, string alias, IReadOnlyList<RowSetColumn> columns)
    {
        var fields = string.Join(", ", columns.Select(c => $"\"{c.Name}\" {TypeName(c.Type)}"));
        return $"jsonb_to_recordset(CAST({placeholder} AS jsonb)) AS {alias}({fields})";
    }

    public override bool PositionalRows => false;

    public override string GuidText(Guid value) => value.ToString();

    public override string SkipLocked(string table) => $" FOR UPDATE OF {table} SKIP LOCKED";

    public override string ForUpdate => " FOR UPDATE";

    private static string TypeName(SqlType type) => type switch
    {
        SqlType.Long => "bigint",
        SqlType.Int => "integer",
        SqlType.Bool => "boolean",
        SqlType.Guid => "uuid",
        _ => "text",
    };
}
