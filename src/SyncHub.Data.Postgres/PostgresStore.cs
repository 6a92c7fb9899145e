using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SyncHub.Data.Postgres;

/// <summary>
/// The PostgreSQL store: the same model as SQLite, with its own migrations in this assembly, and row locks that
/// let several nodes pick work side by side.
/// </summary>
public static class PostgresStore
{
    public static DbContextOptionsBuilder UsePostgresStore(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStore).Assembly.GetName().Name))
            // The compiled model (scripts/compile-models.sh) saves building the model at start-up. SQLite's is found
            // by itself; this one lives outside the context's assembly, so it is named.
            .UseModel(CompiledModels.SyncHubDbContextModel.Instance)
            .AddInterceptors(new SkipLockedInterceptor());

    /// <summary>The database name in a connection string, for messages and tests.</summary>
    public static string? DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database;
}
