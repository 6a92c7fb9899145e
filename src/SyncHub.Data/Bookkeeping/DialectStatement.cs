namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// The text of a hand-written statement that depends only on the store's dialect (its values travel as parameters):
/// built once per dialect instead of once per call, so the engine does not rebuild kilobytes of SQL for every group.
/// </summary>
public sealed class DialectStatement(Func<StoreDialect, string> build)
{
    private readonly Lazy<string> _sqlite = new(() => build(StoreDialect.Sqlite));
    private readonly Lazy<string> _postgres = new(() => build(StoreDialect.Postgres));

    public string For(StoreDialect dialect) =>
        ReferenceEquals(dialect, StoreDialect.Postgres) ? _postgres.Value
        : ReferenceEquals(dialect, StoreDialect.Sqlite) ? _sqlite.Value
        : build(dialect);
}
